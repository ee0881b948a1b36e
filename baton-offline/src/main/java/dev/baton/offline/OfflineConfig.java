package dev.baton.offline;

import dev.baton.input.BadInputException;
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
     * @throws PriceTableException when the file is missing or malformed
     */
    public static PriceTable prices(Path file) {
        return load(file, "prices.tsv", PriceTable::read, missing -> new PriceTableException("price table not found: " + missing));
    }

    /** Returns the context model shipped with Baton ({@code data/context-model.yaml}). */
    public static ContextModel defaultContextModel() {
        return contextModel(null);
    }

    /**
     * Reads context-model settings from {@code file}, or the shipped ones when {@code file} is null.
     *
     * @throws ContextModelException when the file is missing or malformed
     */
    public static ContextModel contextModel(Path file) {
        return load(file, "context-model.yaml", ContextModel::read,
                missing -> new ContextModelException("context model file not found: " + missing));
    }

    /** Reads one configuration file: the shipped copy when {@code file} is null. */
    private static <T> T load(Path file, String shippedName, ConfigReader<T> read, Function<String, BadInputException> notFound) {
        try (Reader reader = open(file, shippedName)) {
            return read.read(file == null ? "data/" + shippedName : file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw notFound.apply(e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ConfigReader<T> {
        T read(String source, Reader reader) throws IOException;
    }

    private static Reader open(Path file, String shippedName) throws IOException {
        if (file != null) {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }
        InputStream in = OfflineConfig.class.getResourceAsStream("/baton-data/" + shippedName);
        if (in == null) {
            throw new IllegalStateException("the jar lacks data/" + shippedName + ": rebuild with ./baton");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
