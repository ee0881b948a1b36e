package dev.baton.offline;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import dev.baton.input.ConfigFileLimit;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Creates the YAML parsers of configuration files (pool files, context models): they read no further than
 * {@link ConfigFileLimit#MAX_CHARS}, so input of unknown size (a pipe) cannot keep them busy either.
 *
 * <p>Both of SnakeYAML's and Jackson's limits are set. SnakeYAML checks its code-point limit only between tokens, so
 * alone it let one quoted value of 20 MB run 76 s before refusing it; Jackson's document length counts every
 * character as it is read.
 */
public final class ConfigYaml {

    private ConfigYaml() {
    }

    /** Returns a builder of YAML factories with the limits of a configuration file set, for more features to be added. */
    public static YAMLFactoryBuilder builder() {
        LoaderOptions limits = new LoaderOptions();
        limits.setCodePointLimit(ConfigFileLimit.MAX_CHARS);
        return YAMLFactory.builder()
                .loaderOptions(limits)
                .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(ConfigFileLimit.MAX_CHARS).build());
    }

    /** Returns a YAML factory with the limits of a configuration file. */
    public static YAMLFactory factory() {
        return builder().build();
    }
}
