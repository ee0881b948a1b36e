package dev.baton.server;

import dev.baton.input.InvalidSettingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Where the server listens, who may call it, and its limits.
 *
 * @param host    the address to bind, {@code 127.0.0.1} by default
 * @param port    the port, 0 for any free one
 * @param apiKeys the bearer keys a client must present (the keys themselves, read from the environment by the
 *                caller); none means the server is open, which it allows only on a loopback address
 * @param limits  request limits
 */
public record ServerSettings(String host, int port, List<String> apiKeys, ServerLimits limits) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        apiKeys = List.copyOf(apiKeys);
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (apiKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
    }

    /** Returns an open server on {@code 127.0.0.1} at {@code port} with the default limits. */
    public static ServerSettings loopback(int port) {
        return new ServerSettings("127.0.0.1", port, List.of(), ServerLimits.defaults());
    }

    public ServerSettings withApiKeys(List<String> keys) {
        return new ServerSettings(host, port, keys, limits);
    }

    public ServerSettings withLimits(ServerLimits value) {
        return new ServerSettings(host, port, apiKeys, value);
    }

    /**
     * Checks that a server without keys listens on loopback only.
     *
     * @throws InvalidSettingException when no API key is configured and the host is not a loopback address
     */
    public void checkOpenOnlyOnLoopback() {
        if (apiKeys.isEmpty() && !loopback()) {
            throw new InvalidSettingException("refusing to serve " + host + " without an API key: give --api-key-env NAME, "
                    + "or listen on 127.0.0.1");
        }
    }

    /** Returns whether {@link #host()} is a loopback address, where a server without keys may listen. */
    public boolean loopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
