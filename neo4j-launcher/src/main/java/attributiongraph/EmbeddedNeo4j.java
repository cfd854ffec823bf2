package attributiongraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs a Neo4j Community DBMS that serves Bolt on 127.0.0.1, for attribution-graph's default
 * (no NEO4J_URI) mode. It is started by src/db/embedded.ts, never by hand.
 *
 * Arguments: home directory, and the neo4j.conf that sets the Bolt address, memory and logging.
 * Environment: NEO4J_PASSWORD, the password the API's driver will use.
 *
 * The process shuts the DBMS down cleanly on SIGTERM/SIGINT, and also when its standard input
 * closes: the API holds the other end, so if the API dies, even by SIGKILL, no JVM is orphaned.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedNeo4j <home> <neo4j.conf>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(args[1]).toAbsolutePath();
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J_PASSWORD must be set to at least 8 characters");
            System.exit(2);
        }
        Files.createDirectories(home);

        // The configuration file is written by src/db/embedded.ts; Neo4j rejects unknown keys in it.
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        setPassword(dbms, password);
        System.out.println("attribution-graph embedded Neo4j ready");
        System.out.flush();

        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // The API never writes; reading only detects that it has gone away.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same thing as end of input.
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        stopped.await();
    }

    /** Makes the built-in neo4j user's password the one the driver will present. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to its current value; that is the steady state.
            if (!String.valueOf(e.getMessage()).contains("same")) {
                throw e;
            }
        }
    }
}
