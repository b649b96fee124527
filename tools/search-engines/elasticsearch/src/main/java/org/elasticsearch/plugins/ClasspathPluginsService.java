package org.elasticsearch.plugins;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.plugins.spi.SPIClassIterator;

/**
 * A PluginsService whose plugins are classes already on the JVM classpath
 * (part of fr.orne.marketplace's embedded Elasticsearch, see EngineLauncher).
 *
 * Why it lives in Elasticsearch's package: the distribution only loads plugins
 * from directories (modules/, plugins/), each in its own class loader. The
 * classpath route needs the package-private LoadedPlugin record, loadPlugin()
 * and createExtension(); Elasticsearch's own test framework does the same
 * (MockPluginsService). This works because target/classes and the server jar
 * are both on the application class path (same class loader, jar not sealed).
 * It is written against 9.5.x; check it when bumping the version.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> loaded;

    public ClasspathPluginsService(Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
        // An empty loader: nothing is read from modules/ or plugins/.
        super(settings, configDir, new PluginsLoader(Set.of(), Set.of(), Map.of()));
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getName(),
                "classpath plugin",
                "NA",
                Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false,
                PluginDescriptor.DeploymentTarget.ALL
            );
            Plugin plugin = loadPlugin(pluginClass, settings, configDir);
            plugins.add(new LoadedPlugin(descriptor, plugin, pluginClass.getClassLoader()));
        }
        loadExtensions(plugins);
        this.loaded = List.copyOf(plugins);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return loaded;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(loaded.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    /**
     * The default implementation scans META-INF/services once per plugin with the
     * plugin's class loader. Here every plugin shares the application class
     * loader, so that would find each provider (the server's own included, e.g.
     * its FeatureSpecifications) once per plugin. Scan once instead, and hand a
     * provider with a one-argument constructor the plugin it asks for.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        List<T> result = new ArrayList<>();
        if (loaded.isEmpty()) {
            return result;
        }
        Iterator<Class<? extends T>> classes = SPIClassIterator.get(service, ClasspathPluginsService.class.getClassLoader());
        while (classes.hasNext()) {
            Class<? extends T> providerClass = classes.next();
            result.add(createExtension(providerClass, service, ownerOf(providerClass)));
        }
        return List.copyOf(result);
    }

    private Plugin ownerOf(Class<?> providerClass) {
        for (Constructor<?> constructor : providerClass.getConstructors()) {
            if (constructor.getParameterCount() == 1) {
                for (LoadedPlugin candidate : loaded) {
                    if (constructor.getParameterTypes()[0].isAssignableFrom(candidate.instance().getClass())) {
                        return candidate.instance();
                    }
                }
            }
        }
        // No-argument provider: createExtension ignores the plugin.
        return loaded.get(0).instance();
    }
}
