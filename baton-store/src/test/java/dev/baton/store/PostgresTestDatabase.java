package dev.baton.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL schema for one test, in the real server that {@code .ci/postgres.sh start} runs: its URL
 * comes from {@code BATON_TEST_POSTGRES_URL}, its password from {@code BATON_TEST_POSTGRES_PASSWORD}. Each instance
 * creates its own schema and points its {@link #url()} at it ({@code currentSchema}), so tests never see each other's
 * rows; closing drops the schema.
 *
 * <p>Without the variable, the test is skipped on a developer's machine, but fails when {@code CI=true}, so that CI
 * cannot pass by silently skipping every PostgreSQL test.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    /** The variable holding the JDBC URL of the test database (with {@code ?user=}, without the password). */
    public static final String URL_VARIABLE = "BATON_TEST_POSTGRES_URL";
    /** The variable holding the test database's password. */
    public static final String PASSWORD_VARIABLE = "BATON_TEST_POSTGRES_PASSWORD";

    private final String baseUrl;
    private final Optional<String> password;
    private final String schema;

    private PostgresTestDatabase(String baseUrl, Optional<String> password, String schema) {
        this.baseUrl = baseUrl;
        this.password = password;
        this.schema = schema;
    }

    /** Creates an empty schema; skips the test (or fails it, under CI) when no test database is configured. */
    public static PostgresTestDatabase create() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set but CI=true: start PostgreSQL with eval \"$(.ci/postgres.sh start)\"");
            }
            Assumptions.abort(URL_VARIABLE + " is not set: no PostgreSQL to test against (see .ci/postgres.sh)");
        }
        PostgresTestDatabase database = new PostgresTestDatabase(url, Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)),
                "test_" + UUID.randomUUID().toString().replace("-", ""));
        database.execute("CREATE SCHEMA " + database.schema);
        return database;
    }

    /** Returns the URL of this test's schema: what {@code --store} would be given. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Returns the password, as {@code --store-password-env} would supply it. */
    public Optional<String> password() {
        return password;
    }

    /** Opens a store on this schema: each call is another replica's connection pool. */
    public StoreBackend open() {
        return StoreBackend.open(url(), password);
    }

    /** Runs one statement in this test's schema, as the database's owner would. */
    public void execute(String sql) {
        Properties properties = new Properties();
        password.ifPresent(p -> properties.setProperty("password", p));
        try (Connection connection = DriverManager.getConnection(baseUrl, properties);
             Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
