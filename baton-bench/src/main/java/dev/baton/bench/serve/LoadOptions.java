package dev.baton.bench.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load benchmark's options.
 *
 * @param seconds       how long the measured run lasts
 * @param warmupSeconds how long the unmeasured warm-up before it lasts
 * @param replicas      how many servers, each with a store of its own
 * @param clients       how many clients send requests at once, each one after another
 * @param conductors    the models asked, in turn
 * @param store         {@code sqlite} (a file per replica) or {@code memory}
 * @param encoderStore  where a learned conductor's question embeddings are cached
 */
record LoadOptions(int seconds, int warmupSeconds, int replicas, int clients, List<String> conductors, String store,
                   Path encoderStore) {

    LoadOptions {
        conductors = List.copyOf(conductors);
        if (seconds < 1 || warmupSeconds < 0 || replicas < 1 || clients < 1 || conductors.isEmpty()) {
            throw new IllegalArgumentException("seconds, replicas and clients must be at least 1, and a conductor given");
        }
    }

    static LoadOptions parse(String[] args) {
        int seconds = 60;
        int warmup = 15;
        int replicas = 1;
        int clients = 16;
        List<String> conductors = new ArrayList<>();
        String store = "sqlite";
        Path encoderStore = Path.of(".baton/baton.db");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--replicas" -> replicas = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--conductor" -> conductors.add(value);
                case "--store" -> store = value;
                case "--encoder-store" -> encoderStore = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --seconds N --warmup N "
                        + "--replicas N --clients N --conductor SPEC (repeat) --store sqlite|memory --encoder-store FILE");
            }
            i++;
        }
        if (conductors.isEmpty()) {
            conductors.add("best-solo");
        }
        return new LoadOptions(seconds, warmup, replicas, clients, conductors, store, encoderStore);
    }
}
