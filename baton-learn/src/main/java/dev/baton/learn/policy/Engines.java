package dev.baton.learn.policy;

/**
 * Configures DJL's PyTorch engine once, before its first use: offline (the native library ships in the
 * pytorch-native-cpu jar, nothing is downloaded) and single-threaded (the policy is tiny, so threads only
 * add overhead, and one thread keeps every run bit-for-bit reproducible).
 */
public final class Engines {

    private Engines() {
    }

    /** Applies the settings; call before creating the first network. Idempotent. */
    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
