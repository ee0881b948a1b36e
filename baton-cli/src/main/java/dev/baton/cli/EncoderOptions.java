package dev.baton.cli;

import dev.baton.learn.encode.CachedEncoder;
import dev.baton.learn.encode.MiniLmEncoder;
import dev.baton.learn.encode.QuestionEncoder;
import dev.baton.store.Store;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where question embeddings are cached: options of the commands that use the learned conductor. */
final class EncoderOptions {

    @Option(names = "--store", paramLabel = "FILE", defaultValue = ".baton/baton.db",
            description = "SQLite store that caches question embeddings. Default: ${DEFAULT-VALUE}.")
    Path store;

    /** Opens the store and the frozen sentence encoder in front of it; close both when done. */
    Session open() {
        Store opened = Store.open(store);
        MiniLmEncoder model = MiniLmEncoder.load(Math.max(1, Runtime.getRuntime().availableProcessors()));
        return new Session(opened, model, new CachedEncoder(model, opened.embeddings()));
    }

    /** Returns an encoder opened on first use (loading the model takes seconds); closing closes what was opened. */
    Lazy lazy() {
        return new Lazy();
    }

    /** An encoder opened on first use. */
    final class Lazy implements java.util.function.Supplier<QuestionEncoder>, AutoCloseable {
        private Session session;

        @Override
        public synchronized QuestionEncoder get() {
            if (session == null) {
                session = open();
            }
            return session.encoder();
        }

        @Override
        public synchronized void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    /** An open store and encoder. */
    record Session(Store store, MiniLmEncoder model, QuestionEncoder encoder) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
            store.close();
        }
    }
}
