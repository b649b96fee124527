package fr.orne.marketplace.search.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts a real single-node OpenSearch 2.19 from the jars on the classpath.
 *
 * Why this class exists: there is no Docker engine and no OpenSearch distribution
 * reachable here, only Maven Central. The server, its Netty HTTP layer and the
 * analysis/painless modules are all published there as plain jars, so we start
 * {@link Node} ourselves instead of going through the distribution's Bootstrap.
 * Skipping Bootstrap also skips its production checks (root user, mmap count,
 * security manager), which is what we want for dev and CI on a throwaway node.
 *
 * Usage: java -cp target/classes:target/lib/* ...EngineLauncher HOME [HTTP_PORT]
 * (HTTP_PORT falls back to $SEARCH_ENGINE_PORT, then 9200).
 */
public final class EngineLauncher extends Node {

    /**
     * In a distribution these are "modules" loaded from path.home/modules by their
     * own class loaders. Here they are on the classpath already, so they are handed
     * to Node's protected constructor as classpath plugins; modules/ and plugins/
     * stay empty (they must exist, PluginsService lists them).
     */
    private static final Collection<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class);

    private EngineLauncher(Environment environment) {
        // The boolean is forbidPrivateIndexSettings: true, as in a real node.
        super(environment, PLUGINS, true);
    }

    /**
     * A replica can never be assigned on a single node, so every index would stay
     * yellow. cluster.default_number_of_replicas is read from the cluster state's
     * settings when an index is created (a node-level value in the Settings above
     * is ignored, as tested), hence a persistent cluster setting. Best effort: an
     * index that asks for replicas explicitly still gets them, and a failure here
     * only leaves new indices yellow.
     */
    private static void useNoReplicasByDefault(Node node) {
        try {
            node.client().admin().cluster().prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get(TimeValue.timeValueSeconds(60));
        } catch (RuntimeException e) {
            System.err.println("search-engine: could not set cluster.default_number_of_replicas=0: " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EngineLauncher HOME [HTTP_PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String port = args.length > 1 ? args[1]
            : System.getenv().getOrDefault("SEARCH_ENGINE_PORT", "9200");
        for (String dir : List.of("config", "data", "logs", "modules", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "search-engine-dev")
            .put("node.name", "search-engine-node")
            // One node, no discovery, no cluster bootstrapping.
            .put("discovery.type", "single-node")
            // Loopback only: this node has no security plugin.
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // Dev disks are often nearly full; do not turn indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        // Same path as the distribution: reads config/opensearch.yml if present.
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "search-engine-node");

        EngineLauncher node;
        try {
            node = new EngineLauncher(environment);
        } catch (Throwable t) {
            // Exit for sure: a half-built node may have left non-daemon threads.
            t.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT (run.sh stop): close the node so shards are flushed and
        // the data directory lock is released before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "search-engine-shutdown"));

        try {
            node.start();
        } catch (Throwable t) {
            // e.g. port already bound; the shutdown hook closes the node.
            t.printStackTrace();
            System.exit(1);
        }
        useNoReplicasByDefault(node);
        System.out.println("search-engine: node started, http://127.0.0.1:" + port);
        // Node threads are daemon threads: block main or the JVM would exit.
        stopped.await();
    }
}
