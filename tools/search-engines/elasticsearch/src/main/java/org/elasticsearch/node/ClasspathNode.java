package org.elasticsearch.node;

import java.util.Collection;
import java.util.List;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * A real Elasticsearch node whose plugins are classes on the classpath
 * (part of fr.orne.marketplace's embedded Elasticsearch, see EngineLauncher).
 *
 * Node's only public constructor takes a PluginsLoader, i.e. plugin directories
 * on disk. The package-private route below (NodeConstruction plus a
 * NodeServiceProvider that supplies the PluginsService) is the one Elasticsearch's
 * test framework uses for MockNode; every other service is the production one.
 * Hence this class sits in Elasticsearch's package; check it when bumping the version.
 */
public class ClasspathNode extends Node {

    public ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment initialEnvironment, PluginsLoader pluginsLoader) {
                return new ClasspathPluginsService(
                    initialEnvironment.settings(),
                    initialEnvironment.configDir(),
                    List.copyOf(pluginClasses)
                );
            }
        }, true));
    }
}
