package io.athanor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.TestDatabase;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The README's first command runs this app; each of its sections must keep showing what it promises.
 * The app runs once on embedded H2 and each section's output is checked on its own; the whole run is
 * checked again on PostgreSQL and MariaDB.
 */
class ExampleAppTest {
    private static String h2;

    @BeforeAll
    static void runOnH2() {
        h2 = run("h2:mem:example_app_test", true);
    }

    private static String run(String url) {
        return run(url, false);
    }

    /**
     * The app's output; with {@code withLog}, the log lines (warnings, as the app's logback.xml lets
     * through) are written into it too, in the order they happen, as they appear on a terminal.
     */
    private static String run(String url, boolean withLog) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logs);
        encoder.setPattern("[%level %logger] %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logs);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        appender.start();
        if (withLog) {
            root.addAppender(appender);
        }
        try {
            new ExampleApp(out).run(url);
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ddlIsPrintedWholeWithOneColumnALine() {
        String s = section(h2, 2);
        assertThat(s).as("no statement cut short").doesNotContainPattern("(?m)^ +\\d+\\. .*\\.\\.\\.$")
                .containsPattern("(?im)^ +\\d+\\. CREATE .*user_stats.* AS SELECT .* FROM .* GROUP BY .*$")
                .containsPattern("(?m)^ +\\d+\\. CREATE TABLE IF NOT EXISTS .*orders.* \\($")
                .containsPattern("(?im)^ {10}.*FOREIGN KEY .*user_id.* REFERENCES .*users.*$")
                .containsPattern("(?m)^ {6}\\)");
    }

    @Test
    void theNPlusOneWarningFollowsTheStatementsThatShowThePattern() {
        String lazy = section(h2, 3);
        lazy = lazy.substring(lazy.indexOf("SELECT (lazy): "), lazy.indexOf("N+1 loop: "));
        int warning = lazy.indexOf("N+1 queries: User.orders");
        assertThat(warning).as("the warning in the lazy part:%n%s", lazy).isPositive();
        assertThat(lazy.indexOf("   2. SELECT")).as("the second statement, the first lazy load, before it").isBetween(0, warning);
        assertThat(lazy.indexOf("   6. SELECT")).as("the later lazy loads after it").isGreaterThan(warning);
        assertThat(lazy.indexOf("6 statements for 5 users")).isGreaterThan(warning);
    }

    /** The text of section {@code number}, from its heading to the next one. */
    private static String section(String out, int number) {
        Matcher m = Pattern.compile("(?ms)^" + number + "\\. .*?(?=^(\\d+\\. |Done\n))").matcher(out);
        assertThat(m.find()).as("section %d in:%n%s", number, out).isTrue();
        return m.group();
    }

    @Test
    void engine() {
        checkEngine(section(h2, 1));
        assertThat(section(h2, 1)).contains("Database      H2");
    }

    @Test
    void mapping() {
        checkMapping(section(h2, 2));
    }

    @Test
    void loading() {
        checkLoading(section(h2, 3));
    }

    @Test
    void queries() {
        checkQueries(section(h2, 4));
    }

    @Test
    void bulk() {
        checkBulk(section(h2, 5));
    }

    @Test
    void transactions() {
        checkTransactions(section(h2, 6));
    }

    @Test
    void monitoring() {
        checkMonitoring(section(h2, 7));
    }

    @Test
    void scaling() {
        checkScaling(section(h2, 8));
    }

    @Test
    void replicas() {
        checkReplicas(section(h2, 9));
        assertThat(section(h2, 9)).contains("Commit position: none here");
    }

    @Test
    void endsWithThePoolIdle() {
        assertThat(h2).containsPattern("Pool at the end: active=0, idle=\\d+, waiting=0, total=\\d+, max=50");
    }

    @DatabaseTest({DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB})
    void everySectionWorksOnServers(TestDatabase db) {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.server().user()
                + (db.server().password() == null ? "" : "&password=" + db.server().password());
        String out = run(url);
        checkEngine(section(out, 1));
        checkMapping(section(out, 2));
        checkLoading(section(out, 3));
        checkQueries(section(out, 4));
        checkBulk(section(out, 5));
        checkTransactions(section(out, 6));
        checkMonitoring(section(out, 7));
        checkScaling(section(out, 8));
        checkReplicas(section(out, 9));
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            assertThat(section(out, 9)).containsPattern("Commit position: [0-9A-F]+/[0-9A-F]+ \\(a replica serves");
        }
    }

    private static void checkReplicas(String s) {
        assertThat(s).contains("Behind PgBouncer: driver settings {prepareThreshold=0}")
                .contains("Store 1 Boston  in shard us, sales [20]")
                .contains("Store 1 Paris   in shard eu, sales [30]")
                .contains("A read-only session read 6 users: 2 statement(s) on the replica, 0 on the primary.")
                .contains("Read right after the commit: 1 new user found.");
    }

    @Test
    void databaseSwitchPicksTheUrl() {
        assertThat(ExampleApp.databaseUrl()).isEqualTo("h2:mem:athanor_example");
    }

    private static void checkEngine(String s) {
        assertThat(s).contains("poolSize=20, maxOverflow=30, prePing=true, echo=false")
                .containsPattern("after build\\(\\) +0 +\\d+ +0 +50")
                .containsPattern("one connection out +1 +\\d+ +0 +50");
    }

    private static void checkMapping(String s) {
        assertThat(s).contains("Autoflush     off")
                .containsPattern("CREATE TABLE IF NOT EXISTS .*users")
                .containsPattern("analytics.*user_stats")
                .contains("Sample data: 5 users, 8 orders, 3 articles, in 3 statements")
                .contains("new Order(ada, ...)          -> ada's orders: 1")
                .contains("order's user: Alan; ada's orders: 0, alan's: 1");
    }

    private static void checkLoading(String s) {
        assertThat(s).containsPattern("(?m)^ +SELECTIN +2 +5 +8$")
                .containsPattern("(?m)^ +N\\+1 loop +6 +5 +8$")
                .containsPattern("(?m)^ +JOINED +1 +5 +8$")
                .containsPattern("(?m)^ +SUBQUERY +2 +5 +8$")
                .containsPattern("(?m)^ +SELECT \\(lazy\\) +6 +5 +8$")
                .contains("1 statement for 5 users and 8 orders")
                .containsPattern("(?i)LEFT OUTER JOIN orders")
                .contains("Ada Lovelace has written 1 article(s); 1 match 'Sketch%': Sketch of the Analytical Engine")
                .contains("2 statements for 5 users and 8 orders")
                .contains("6 statements for 5 users and 8 orders")
                .containsPattern("(?i)2\\. SELECT .* FROM .*orders.* WHERE .*user_id (IN|= ANY)");
    }

    private static void checkQueries(String s) {
        assertThat(s).containsPattern("1 +Ada Lovelace +3 +1880\\.50")
                .containsPattern("2 +Alan Turing +2 +1975\\.00")
                .containsPattern("3 +Grace Hopper +3 +20\\.89")
                .containsPattern("5 +Barbara Liskov +0 +-")
                .containsPattern("(?i)LEFT OUTER JOIN .*GROUP BY")
                .containsPattern("(?i)IN \\(SELECT .*user_id FROM .*orders")
                .containsPattern("(?s)get_active_users_with_orders.*1 +Ada Lovelace\n +2 +Alan Turing\nSQL:");
    }

    private static void checkBulk(String s) {
        assertThat(s).contains("bulk_update_users: 3 rows updated by 1 statement:")
                .containsPattern("(?i)UPDATE .*users.* SET .*name.* \\[batch of 3\\]")
                .containsPattern("1 +Augusta Ada King")
                .containsPattern("3 +Grace Brewster Hopper")
                .containsPattern("4 +Edsger Dijkstra");
    }

    private static void checkTransactions(String s) {
        assertThat(s).containsPattern("(?i)1\\. INSERT INTO .*users")
                .containsPattern("(?i)2\\. INSERT INTO .*orders.*\\[batch of 2\\]")
                .containsPattern("gave Donald Knuth id \\d+")
                .contains("Saved: 1 user named Donald Knuth with 2 orders")
                .contains("Failed: NotNullViolationException")
                .contains("Saved: 0 users named Ken Thompson");
    }

    private static void checkMonitoring(String s) {
        assertThat(s).containsPattern("Slow query detected: .* \\(took \\d+\\.\\d{3}s\\)")
                .contains("The slow query returned 300000.")
                .contains("Statements sent while listening: 3");
    }

    private static void checkScaling(String s) {
        assertThat(s).contains("Read 6 users.")
                .contains("Refused: This session is read-only")
                .contains("get_user_statistics ran on another thread and returned 6 rows.")
                .containsPattern("Work runs on (virtual threads|a pool)")
                .containsPattern("(?m)^ +1 +3 +626\\.83$")
                .containsPattern("(?m)^ +5 +0 +-$")
                .contains("the view still shows 2 orders for him until it is refreshed")
                .contains("After a second refresh it shows 3.");
    }
}
