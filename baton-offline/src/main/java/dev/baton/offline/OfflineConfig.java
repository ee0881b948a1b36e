package dev.baton.offline;

import dev.baton.input.BadInputException;
import dev.baton.input.ConfigFileLimit;
import dev.baton.pricing.PriceTable;
import dev.baton.pricing.PriceTableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads the editable configuration files of the offline pools: the price table and the context model.
 * The defaults are the repository's {@code data/prices.tsv} and {@code data/context-model.yaml}, embedded
 * in the jar; a path replaces them.
 */
public final class OfflineConfig {

    private OfflineConfig() {
    }

    /** Returns the price table shipped with Baton ({@code data/prices.tsv}). */
    public static PriceTable defaultPrices() {
        return prices(null);
    }

    /**
     * Reads a price table from {@code file}, or the shipped one when {@code file} is null.
     *
     * @throws PriceTableException when the file is missing, over 1 MB or malformed
     */
    public static PriceTable prices(Path file) {
        return load(file, "prices.tsv", "price table", PriceTable::read, PriceTableException::new);
    }

    /** Returns the context model shipped with Baton ({@code data/context-model.yaml}). */
    public static ContextModel defaultContextModel() {
        return contextModel(null);
    }

    /**
     * Reads context-model settings from {@code file}, or the shipped ones when {@code file} is null.
     *
     * @throws ContextModelException when the file is missing, over 1 MB or malformed
     */
    public static ContextModel contextModel(Path file) {
        return load(file, "context-model.yaml", "context model file", ContextModel::read, ContextModelException::new);
    }

    /**
     * Reads one configuration file: the shipped copy when {@code file} is null. A file that is missing, or larger than
     * a {@code kind} can be, is refused with the exception {@code problem} makes.
     */
    private static <T> T load(Path file, String shippedName, String kind, ConfigReader<T> read,
                              Function<String, BadInputException> problem) {
        try (Reader reader = open(file, shippedName, kind, problem)) {
            return read.read(file == null ? "data/" + shippedName : file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw problem.apply(kind + " not found: " + e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ConfigReader<T> {
        T read(String source, Reader reader) throws IOException;
    }

    private static Reader open(Path file, String shippedName, String kind, Function<String, BadInputException> problem)
            throws IOException {
        if (file != null) {
            Optional<String> tooLarge = ConfigFileLimit.exceededBy(file, kind);
            if (tooLarge.isPresent()) {
                throw problem.apply(tooLarge.get());
            }
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        InputStream in = OfflineConfig.class.getResourceAsStream("/baton-data/" + shippedName);
        if (in == null) {
            throw new IllegalStateException("the jar lacks data/" + shippedName + ": rebuild with ./baton");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
