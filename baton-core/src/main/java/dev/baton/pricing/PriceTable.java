package dev.baton.pricing;

import dev.baton.worker.Price;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * List prices per worker id, read from a tab-separated file with the columns
 * {@code model  input_usd_per_mtok  output_usd_per_mtok  note} (a header row first; the note may be empty).
 *
 * <p>Prices are estimates users edit, so every bad row is reported with its line number.
 *
 * @param source where the table came from, for error messages
 * @param prices price per worker id
 */
public record PriceTable(String source, Map<String, Price> prices) {

    private static final List<String> HEADER = List.of("model", "input_usd_per_mtok", "output_usd_per_mtok");

    public PriceTable {
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
    }

    /**
     * Reads a price table.
     *
     * @throws PriceTableException naming the source, the line and what is wrong with it
     */
    public static PriceTable read(String source, Reader reader) throws IOException {
        Map<String, Price> prices = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        String[] columns = header == null ? new String[0] : header.strip().split("\t");
        if (columns.length < 3 || !List.of(columns).subList(0, 3).equals(HEADER)) {
            throw new PriceTableException(source + ": the first line must be the header 'model<TAB>input_usd_per_mtok<TAB>output_usd_per_mtok<TAB>note'");
        }
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length < 3) {
                problems.add("line " + lineNumber + " has " + cells.length + " column(s), expected model, input and output price separated by tabs");
                continue;
            }
            String model = cells[0].strip();
            try {
                Price price = new Price(Double.parseDouble(cells[1].strip()), Double.parseDouble(cells[2].strip()));
                if (prices.putIfAbsent(model, price) != null) {
                    problems.add("line " + lineNumber + " repeats model '" + model + "'");
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + lineNumber + " (" + model + "): prices must be numbers from 0 to "
                        + (long) Price.MAX_USD_PER_MILLION + " USD per million tokens, got '"
                        + cells[1].strip() + "' and '" + cells[2].strip() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new PriceTableException(source + ": " + String.join("; ", problems));
        }
        return new PriceTable(source, prices);
    }

    /** Returns the price of a worker, if listed. */
    public Optional<Price> find(String workerId) {
        return Optional.ofNullable(prices.get(workerId));
    }

    /**
     * Returns the price of a worker.
     *
     * @throws PriceTableException when the worker has no row, naming the file to add it to
     */
    public Price priceOf(String workerId) {
        Price price = prices.get(workerId);
        if (price == null) {
            throw new PriceTableException("worker '" + workerId + "' has no price in " + source
                    + ": add a row 'model<TAB>input_usd_per_mtok<TAB>output_usd_per_mtok' for it");
        }
        return price;
    }
}
