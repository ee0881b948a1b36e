package dev.baton.cli;

import dev.baton.input.InvalidSettingException;
import dev.baton.learn.encode.CachedEncoder;
import dev.baton.learn.encode.MiniLmEncoder;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.store.StoreBackend;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where Baton keeps what it records (embeddings, cached replies, traces): options of the commands that use a store. */
final class EncoderOptions {

    /** libpq's variable for the password, read when {@code --store-password-env} names none. */
    static final String PGPASSWORD = "PGPASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--store", paramLabel = "FILE|URL", defaultValue = ".baton/baton.db",
            description = "The store of question embeddings, cached replies and served traces: a SQLite file, or "
                    + "jdbc:postgresql://HOST:PORT/DB?user=USER for a database several servers share (embeddings then "
                    + "stay in memory). Default: ${DEFAULT-VALUE}.")
    String store;

    @Option(names = "--store-password-env", paramLabel = "NAME",
            description = "The NAME of an environment variable holding the password of a jdbc:postgresql: store. "
                    + "Default: PGPASSWORD when set.")
    String passwordEnv;

    /** Opens the store {@code --store} names; the password comes from the environment, never from the command line. */
    StoreBackend openStore() {
        return StoreBackend.open(store, password(BatonCommand.of(mixee).env));
    }

    private Optional<String> password(Map<String, String> env) {
        boolean database = store.startsWith(StoreBackend.POSTGRES_PREFIX);
        if (passwordEnv == null) {
            return database ? Optional.ofNullable(env.get(PGPASSWORD)).filter(p -> !p.isEmpty()) : Optional.empty();
        }
        if (!database) {
            throw new InvalidSettingException("--store-password-env is for a " + StoreBackend.POSTGRES_PREFIX
                    + " store; --store " + store + " is a SQLite file");
        }
        String password = env.get(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw new InvalidSettingException("--store-password-env " + passwordEnv + ": the environment variable "
                    + passwordEnv + " is not set or empty");
        }
        return Optional.of(password);
    }

    /** Opens the store and the frozen sentence encoder in front of it; close both when done. */
    Session open() {
        StoreBackend opened = openStore();
        try {
            MiniLmEncoder model = MiniLmEncoder.load(threads());
            return new Session(opened, model, new CachedEncoder(model, opened.embeddings()));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Returns an encoder in front of {@code store}'s embeddings, its model loaded on first use (loading takes seconds);
     * closing closes the model if it was loaded, not the store.
     */
    Lazy lazy(StoreBackend store) {
        return new Lazy(store);
    }

    private static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** An encoder whose model is loaded on first use. */
    static final class Lazy implements java.util.function.Supplier<QuestionEncoder>, AutoCloseable {
        private final StoreBackend store;
        private MiniLmEncoder model;
        private QuestionEncoder encoder;

        private Lazy(StoreBackend store) {
            this.store = store;
        }

        @Override
        public synchronized QuestionEncoder get() {
            if (encoder == null) {
                model = MiniLmEncoder.load(threads());
                encoder = new CachedEncoder(model, store.embeddings());
            }
            return encoder;
        }

        @Override
        public synchronized void close() {
            if (model != null) {
                model.close();
            }
        }
    }

    /** An open store and encoder. */
    record Session(StoreBackend store, MiniLmEncoder model, QuestionEncoder encoder) implements AutoCloseable {
        @Override
        public void close() {
            try {
                model.close();
            } finally {
                store.close();
            }
        }
    }
}
