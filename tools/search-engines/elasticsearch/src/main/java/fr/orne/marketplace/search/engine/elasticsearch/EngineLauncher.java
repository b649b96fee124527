package fr.orne.marketplace.search.engine.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts a real single-node Elasticsearch 9 from the jars on the classpath.
 *
 * Why this class exists: there is no Docker engine and no Elasticsearch distribution
 * reachable here, only Maven Central. The server and its Netty HTTP layer are published
 * there as plain jars, so we start the node ourselves (sibling of ../engine, which does
 * the same for OpenSearch 2.19), through {@link ClasspathNode}.
 *
 * What the distribution's bootstrap (org.elasticsearch.bootstrap.Elasticsearch) does and
 * this launcher does not: the server CLI and keystore, the entitlement agent (so no
 * sandboxing of plugins), jar hell and production bootstrap checks (vm.max_map_count,
 * heap size, ...), and log4j2.properties files: logs go to the console, i.e. run.sh's
 * log file. That is what we want for dev and CI on a throwaway loopback-only node.
 *
 * Elasticsearch's native libraries (libzstd, libvec) are not on Maven Central either, so
 * native access is disabled (logged at startup): no memory locking, no native vector
 * scoring, no zstd, hence no index.codec=best_compression (its shards fail to start).
 *
 * Replicas: unlike OpenSearch (cluster.default_number_of_replicas, set by ../engine),
 * Elasticsearch has no cluster-wide default, and an index template matching "*" would
 * clash with any template a user adds. Our indices ask for 0 replicas themselves
 * (search/backends/analysis.py); any other index stays yellow, which run.sh accepts.
 *
 * Modules that a distribution has and this node has not: x-pack (security, licensing,
 * ...: none, hence no authentication), painless (no scripts), mapper-extras,
 * analysis-common (replaced by {@link AnalysisShimPlugin} for what we use), rest-root
 * (replaced by {@link RootInfoPlugin}), ingest, reindex.
 *
 * Usage: java -cp target/classes:target/lib/* ...EngineLauncher HOME [HTTP_PORT]
 * (HTTP_PORT falls back to $ES_ENGINE_PORT, then 9201).
 */
public final class EngineLauncher {

    private static final Collection<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,
        AnalysisShimPlugin.class,
        RootInfoPlugin.class
    );

    private EngineLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EngineLauncher HOME [HTTP_PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String port = args.length > 1 ? args[1] : System.getenv().getOrDefault("ES_ENGINE_PORT", "9201");
        for (String dir : List.of("config", "data", "logs", "modules", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "search-engine-es-dev")
            .put("node.name", "search-engine-es-node")
            // One node, no discovery, no cluster bootstrapping.
            .put("discovery.type", "single-node")
            // Loopback only: there is no security on this node.
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            // Dev disks are often nearly full; do not turn indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // Without a log4j2.properties the root logger would stay at ERROR.
            .put("logger.level", "INFO")
            .build();

        // Console logging at INFO (logger.* settings honoured), before anything logs.
        LogConfigurator.configureWithoutConfig(settings);
        LogConfigurator.setNodeName("search-engine-es-node");

        // Same path as the distribution: reads config/elasticsearch.yml if present.
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "search-engine-es-node");

        Node node;
        try {
            node = new ClasspathNode(environment, PLUGINS);
        } catch (Throwable t) {
            // Exit for sure: a half-built node may have left non-daemon threads.
            t.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT (run.sh stop): close the node so shards are flushed and the
        // data directory lock is released before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
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
        System.out.println("search-engine: node started, http://127.0.0.1:" + port);
        // Node threads are daemon threads: block main or the JVM would exit.
        stopped.await();
    }
}
