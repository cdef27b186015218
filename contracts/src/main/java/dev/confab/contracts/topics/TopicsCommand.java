package dev.confab.contracts.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** {@code bin/confab-admin topics}: creates Confab's topics and reports the misconfigured ones. */
public final class TopicsCommand {

    static final String USAGE = """
            usage: bin/confab-admin topics [--bootstrap-servers HOST:PORT] [--partitions 6] [--replication-factor N]
                                           [--events-retention-days 7] [--audit-retention-days 400] [--check]
              Creates every missing topic and sets the configuration of the others (retention, compaction); exits 1
              when a topic has too few partitions (never added by this command). --check changes nothing and exits 1
              when anything needs doing.""";

    private static final String REPLICATION = "--replication-factor";
    private static final Map<String, String> DEFAULTS = Map.of("--bootstrap-servers", "localhost:9092",
            "--partitions", "6", "--events-retention-days", "7", "--audit-retention-days", "400");

    private TopicsCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>(DEFAULTS);
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                System.out.println(USAGE);
                return;
            } else if (args[i].equals("--check")) {
                check = true;
            } else if (i + 1 < args.length && (DEFAULTS.containsKey(args[i]) || args[i].equals(REPLICATION))) {
                options.put(args[i], args[++i]);
            } else {
                fail("Unknown or incomplete option '" + args[i] + "'");
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                options.get("--bootstrap-servers")))) {
            List<TopicFinding> findings = new TopicAdmin(admin).reconcile(TopicCatalog.topics(
                            number(options, "--partitions"),
                            Duration.ofDays(number(options, "--events-retention-days")),
                            Duration.ofDays(number(options, "--audit-retention-days"))),
                    check, Optional.ofNullable(options.get(REPLICATION)).map(Short::valueOf));
            findings.forEach(System.out::println);
            if (findings.stream().anyMatch(TopicFinding::needsAttention)) {
                System.exit(1);
            }
        } catch (ExecutionException e) {
            System.err.println("Kafka refused: " + e.getCause().getMessage());
            System.exit(1);
        }
    }

    private static int number(Map<String, String> options, String name) {
        try {
            int value = Integer.parseInt(options.get(name));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail(name + " must be a whole number above 0");
        return 0;
    }

    private static void fail(String reason) {
        System.err.println(reason);
        System.err.println(USAGE);
        System.exit(2);
    }
}
