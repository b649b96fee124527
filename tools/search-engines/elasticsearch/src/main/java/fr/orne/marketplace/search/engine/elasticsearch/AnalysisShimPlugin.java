package fr.orne.marketplace.search.engine.elasticsearch;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.cluster.metadata.IndexMetadata;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The few analysis components our index settings need, for the embedded Elasticsearch 9.
 *
 * Why it exists: in an Elasticsearch distribution, elision, asciifolding, stemmer,
 * ngram and edge_ngram come from the analysis-common module, which Elastic does not
 * publish on Maven Central for 9.x (org.elasticsearch.plugin:analysis-common stops at
 * 7.x). The server jar alone only has standard/keyword/whitespace/... tokenizers and
 * the lowercase/stop/shingle filters. Each factory below is a thin wrapper around
 * Lucene's own class from lucene-analysis-common (already a server dependency), so the
 * tokens are the ones the module produces for the same parameters.
 *
 * What is covered (search/backends/analysis.py and modelsearch's base settings):
 * <ul>
 *   <li>token filters: elision (articles, articles_path, articles_case), asciifolding
 *       (preserve_original, also pre-configured by name), lowercase (no language),
 *       stemmer (language or name: light_french, minimal_french, french, english,
 *       porter, the default), ngram and edge_ngram (min_gram, max_gram, preserve_original;
 *       edge_ngram side: front only);</li>
 *   <li>tokenizers: ngram and edge_ngram (min_gram, max_gram; edge_ngram side: front
 *       only; no token_chars).</li>
 * </ul>
 * Honest by design: a parameter or a value outside that list fails index creation with
 * an IllegalArgumentException naming it (the real module would accept it and behave
 * differently; silently ignoring it would make tests pass for the wrong reason).
 * Like the module, ngram filter and tokenizer refuse max_gram - min_gram above
 * index.max_ngram_diff.
 */
public final class AnalysisShimPlugin extends Plugin implements AnalysisPlugin {

    private static final Set<String> STEMMERS = new TreeSet<>(
        List.of("light_french", "minimal_french", "french", "english", "porter")
    );

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            // Elasticsearch also builds every registered filter once under its own
            // name with no settings; elision cannot exist without articles.
            "elision", AnalysisPlugin.requiresAnalysisSettings(AnalysisShimPlugin::elision),
            "asciifolding", AnalysisShimPlugin::asciiFolding,
            "lowercase", AnalysisShimPlugin::lowercase,
            "stemmer", AnalysisShimPlugin::stemmer,
            "ngram", AnalysisShimPlugin::ngramFilter,
            "edge_ngram", AnalysisShimPlugin::edgeNgramFilter
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("ngram", AnalysisShimPlugin::ngramTokenizer, "edge_ngram", AnalysisShimPlugin::edgeNgramTokenizer);
    }

    /** "asciifolding" used by name in a filter chain, without a definition (modelsearch does). */
    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }

    // ---- token filters ----

    private static TokenFilterFactory elision(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("elision", name, s, "articles", "articles_path", "articles_case");
        CharArraySet articles = Analysis.parseArticles(env, s);
        if (articles == null) {
            throw new IllegalArgumentException("elision filter [" + name + "] requires [articles] or [articles_path]");
        }
        return filter(name, true, in -> new ElisionFilter(in, articles));
    }

    private static TokenFilterFactory asciiFolding(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("asciifolding", name, s, "preserve_original");
        boolean preserveOriginal = s.getAsBoolean("preserve_original", false);
        return new Filter(name, in -> new ASCIIFoldingFilter(in, preserveOriginal)) {
            @Override
            public TokenStream normalize(TokenStream in) {
                // A query term is folded without keeping the original, as in the module.
                return new ASCIIFoldingFilter(in, false);
            }
        };
    }

    private static TokenFilterFactory lowercase(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("lowercase", name, s); // no greek/irish/turkish variants here
        return filter(name, true, LowerCaseFilter::new);
    }

    private static TokenFilterFactory stemmer(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("stemmer", name, s, "language", "name");
        // Same default as the module (also used for a bare "stemmer" in a chain).
        String language = s.get("language", s.get("name", "porter"));
        Function<TokenStream, TokenStream> create = switch (language) {
            case "light_french" -> FrenchLightStemFilter::new;
            case "minimal_french" -> FrenchMinimalStemFilter::new;
            case "french" -> in -> new SnowballFilter(in, new FrenchStemmer());
            case "english", "porter" -> PorterStemFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer filter [" + name + "]: language [" + language + "] is not supported by this embedded engine "
                    + "(analysis-common is not on Maven Central; see AnalysisShimPlugin), supported: " + STEMMERS
            );
        };
        return filter(name, false, create);
    }

    private static TokenFilterFactory ngramFilter(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("ngram", name, s, "min_gram", "max_gram", "preserve_original");
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        checkNgramDiff(index, "ngram filter", name, min, max);
        boolean preserveOriginal = s.getAsBoolean("preserve_original", false);
        return filter(name, false, in -> new NGramTokenFilter(in, min, max, preserveOriginal));
    }

    private static TokenFilterFactory edgeNgramFilter(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("edge_ngram", name, s, "min_gram", "max_gram", "preserve_original", "side");
        checkFrontSide("edge_ngram filter", name, s);
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        boolean preserveOriginal = s.getAsBoolean("preserve_original", false);
        return filter(name, false, in -> new EdgeNGramTokenFilter(in, min, max, preserveOriginal));
    }

    // ---- tokenizers ----

    private static TokenizerFactory ngramTokenizer(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("ngram", name, s, "min_gram", "max_gram");
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        checkNgramDiff(index, "ngram tokenizer", name, min, max);
        return tokenizer(name, () -> new NGramTokenizer(min, max));
    }

    private static TokenizerFactory edgeNgramTokenizer(IndexSettings index, Environment env, String name, Settings s) {
        checkKeys("edge_ngram", name, s, "min_gram", "max_gram", "side");
        checkFrontSide("edge_ngram tokenizer", name, s);
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        return tokenizer(name, () -> new EdgeNGramTokenizer(min, max));
    }

    // ---- helpers ----

    /**
     * Refuse any parameter this shim does not implement. "type" is always there, and
     * Elasticsearch adds index.version.created to every component's settings.
     */
    private static void checkKeys(String type, String name, Settings s, String... supported) {
        Set<String> allowed = new TreeSet<>(Arrays.asList(supported));
        for (String key : s.keySet()) {
            if (key.equals("type") || key.equals(IndexMetadata.SETTING_VERSION_CREATED)) {
                continue;
            }
            if (allowed.contains(key) == false) {
                throw new IllegalArgumentException(
                    type + " [" + name + "]: parameter [" + key + "] is not supported by this embedded engine "
                        + "(analysis-common is not on Maven Central; see AnalysisShimPlugin), supported: " + allowed
                );
            }
        }
    }

    /** modelsearch passes side: front (a pre-7 parameter, now always front); back is refused. */
    private static void checkFrontSide(String what, String name, Settings s) {
        String side = s.get("side", "front");
        if (side.equals("front") == false) {
            throw new IllegalArgumentException(what + " [" + name + "]: side [" + side + "] is not supported, only [front]");
        }
    }

    private static void checkNgramDiff(IndexSettings index, String what, String name, int min, int max) {
        int allowed = index.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException(
                what + " [" + name + "]: max_gram - min_gram must be less than or equal to [" + allowed + "] but was ["
                    + (max - min) + "]; raise the [" + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index setting"
            );
        }
    }

    private static TokenFilterFactory filter(String name, boolean forMultiTermQueries, Function<TokenStream, TokenStream> create) {
        if (forMultiTermQueries) {
            // Also applied to wildcard/prefix/fuzzy terms and by normalizers.
            return new Filter(name, create) {
                @Override
                public TokenStream normalize(TokenStream in) {
                    return create(in);
                }
            };
        }
        return new Filter(name, create);
    }

    private static class Filter implements TokenFilterFactory {
        private final String name;
        private final Function<TokenStream, TokenStream> create;

        Filter(String name, Function<TokenStream, TokenStream> create) {
            this.name = name;
            this.create = create;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return create.apply(in);
        }
    }

    private static TokenizerFactory tokenizer(String name, java.util.function.Supplier<Tokenizer> create) {
        return new TokenizerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Tokenizer create() {
                return create.get();
            }
        };
    }
}
