package org.correspondencegateway.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.DirectoryFile;
import org.correspondencegateway.directory.EmailAddress;
import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.CachingExtractor;
import org.correspondencegateway.extraction.TikaExtractor;
import org.correspondencegateway.memory.CorrespondenceMemory;
import org.correspondencegateway.message.Correspondence;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.message.Envelope;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.FindingSummary;
import org.correspondencegateway.rules.HeadlineRules;
import org.correspondencegateway.rules.ProtocolCheck;
import org.correspondencegateway.rules.obligation.EnglishReader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check}: runs the directory, the message model and the protocol rules on saved mail, outside the
 * mail server, so an IT provider can try the policy on an archive before enforcing it.
 *
 * <p>Exit codes: 0 nothing found; 1 findings; 2 a configuration problem or bad arguments; 3 some
 * messages could not be read at all (and nothing was found in the rest).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check saved mail (.eml files, folders of them, mbox archives) against the protocols.",
        "Without --to, each message's To, Cc and Bcc headers are taken as its envelope."})
public final class CheckCommand implements Callable<Integer> {
    static final int NOTHING_FOUND = 0;
    static final int FINDINGS = 1;
    static final int CONFIGURATION_PROBLEM = 2;
    static final int UNREADABLE = 3;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".eml files, folders of them, or mbox archives")
    private List<Path> paths;

    @Option(names = "--home", description = "the directory holding conf/ (default: the current directory)")
    private Path home = Path.of(".");

    @Option(names = "--directory", description = "the directory file (default: <home>/conf/directory.yaml)")
    private Path directoryFile;

    @Option(names = "--policy", description = "the policy file (default: <home>/conf/policy.yaml)")
    private Path policyFile;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "the envelope sender (default: each message's From)")
    private String envelopeSender;

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",", description = "the envelope recipients, comma-separated (default: each message's To, Cc and Bcc)")
    private List<String> envelopeRecipients = new ArrayList<>();

    @Option(names = "--json", description = "write JSON for machines instead of the table")
    private boolean json;

    @Option(names = "--no-progress", description = "no progress bar")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;


    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Directory directory;
        try {
            directory = DirectoryFile.load(Optional.ofNullable(directoryFile).orElse(home.resolve(DirectoryFile.RELATIVE_PATH)));
        } catch (ConfigurationProblem problem) {
            err.println("check cannot start: " + problem.getMessage());
            return CONFIGURATION_PROBLEM;
        }
        ProtocolCheck rules;
        Policy policy;
        try {
            policy = PolicyFile.load(Optional.ofNullable(policyFile).orElse(home.resolve(PolicyFile.RELATIVE_PATH)));
            rules = HeadlineRules.check(policy, new EnglishReader());
        } catch (ConfigurationProblem problem) {
            err.println("check cannot start: " + problem.getMessage());
            return CONFIGURATION_PROBLEM;
        }
        Optional<EmailAddress> sender = Optional.ofNullable(envelopeSender).map(EmailAddress::parse).flatMap(a -> a);
        if (envelopeSender != null && sender.isEmpty()) {
            err.println("check: --from " + envelopeSender + " is not an email address");
            return CONFIGURATION_PROBLEM;
        }
        List<EmailAddress> recipients = new ArrayList<>();
        for (String recipient : envelopeRecipients) {
            Optional<EmailAddress> address = EmailAddress.parse(recipient);
            if (address.isEmpty()) {
                err.println("check: --to " + recipient + " is not an email address");
                return CONFIGURATION_PROBLEM;
            }
            recipients.add(address.get());
        }
        MessageSource source;
        try {
            source = MessageSource.of(paths);
        } catch (IOException e) {
            err.println("check: " + e.getMessage());
            return CONFIGURATION_PROBLEM;
        }

        Path spoolDirectory = Files.createTempDirectory("correspondence-check-");
        List<MessageReport> reports = new ArrayList<>();
        Instant began = Instant.now();
        try (TikaExtractor tika = new TikaExtractor(policy.attachments(), Math.max(2, Runtime.getRuntime().availableProcessors()))) {
            CorrespondenceReader reader = new CorrespondenceReader(() -> directory, new CachingExtractor(tika),
                new AttachmentSpool(1024 * 1024, policy.attachments().maxBytes(), spoolDirectory),
                CorrespondenceMemory.inMemory(100_000));
            try (ProgressBar progress = progressBar(source.total(), err)) {
                Iterator<MessageSource.Sourced> messages = source.iterator();
                while (true) {
                    MessageSource.Sourced next;
                    try {
                        if (!messages.hasNext()) {
                            break;
                        }
                        next = messages.next();
                    } catch (MessageSource.Unreadable e) {
                        reports.add(MessageReport.unreadable(e.label(), String.valueOf(e.getCause().getMessage())));
                        progress.step();
                        continue;
                    }
                    reports.add(check(next, reader, rules, directory, sender, recipients));
                    progress.step();
                }
            }
        } finally {
            deleteQuietly(spoolDirectory);
        }
        Duration took = Duration.between(began, Instant.now());
        if (json) {
            ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(reports));
        } else {
            out.print(Reports.table(reports));
            out.print(Reports.details(reports));
            out.println(Reports.summary(reports, took));
        }
        out.flush();
        if (reports.stream().anyMatch(r -> !r.findings().isEmpty())) {
            return FINDINGS;
        }
        return reports.stream().anyMatch(r -> r.error().isPresent()) ? UNREADABLE : NOTHING_FOUND;
    }

    private static MessageReport check(MessageSource.Sourced sourced, CorrespondenceReader reader, ProtocolCheck rules, Directory directory,
                                Optional<EmailAddress> sender, List<EmailAddress> recipients) {
        MimeMessage message;
        try (InputStream in = sourced.open()) {
            message = new MimeMessage(reader.session(), in);
        } catch (IOException | MessagingException e) {
            return MessageReport.unreadable(sourced.label(), "not a message: " + e.getMessage());
        }
        Envelope envelope = new Envelope(sender.or(() -> headerAddresses(message, "From").stream().findFirst()),
            recipients.isEmpty() ? headerAddresses(message, "To", "Cc", "Bcc") : recipients, Optional.empty());
        Correspondence correspondence = reader.read(message, envelope);
        ProtocolCheck.Outcome outcome = rules.check(correspondence, directory);
        return MessageReport.of(sourced.label(), correspondence, outcome.findings(), outcome.failures());
    }

    private static List<EmailAddress> headerAddresses(MimeMessage message, String... names) {
        List<EmailAddress> addresses = new ArrayList<>();
        for (String name : names) {
            try {
                String value = message.getHeader(name, ",");
                if (value != null) {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        EmailAddress.parse(address.getAddress()).filter(a -> !addresses.contains(a)).ifPresent(addresses::add);
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // the reader reports malformed headers; the envelope takes what parses
            }
        }
        return addresses;
    }

    private ProgressBar progressBar(int total, PrintWriter err) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("Checking").setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" messages", 1).setUpdateIntervalMillis(250);
        if (noProgress || json || total < 20) {
            builder.setConsumer(new ConsoleProgressBarConsumer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        } else {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err));
        }
        return builder.build();
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary
        }
    }

    /** The readable output. */
    static final class Reports {
        private Reports() {
        }

        static String table(List<MessageReport> reports) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                rows.add(new Row(i + 1, reports.get(i)));
            }
            return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, rows, List.of(
                new Column().header("#").dataAlign(HorizontalAlign.RIGHT).with(r -> Integer.toString(r.number())),
                new Column().header("Message").headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).maxWidth(36).with(r -> shortName(r.report().message())),
                new Column().header("From").headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).maxWidth(52).with(r -> r.report().from()
                    .map(f -> f.address() + " (" + f.role() + ")").orElse(r.report().error().isPresent() ? "-" : "(none)")),
                new Column().header("Recipients").headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).maxWidth(48).with(r -> recipients(r.report())),
                new Column().header("Attachments").headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).maxWidth(24).with(r -> attachments(r.report())),
                new Column().header("Findings").headerAlign(HorizontalAlign.LEFT).dataAlign(HorizontalAlign.LEFT).maxWidth(40).with(r -> r.report().error().map(e -> "UNREADABLE")
                    .orElse(r.report().findings().isEmpty() ? "-"
                        : r.report().findings().stream().map(FindingSummary::rule).distinct().collect(Collectors.joining(", "))))))
                + System.lineSeparator();
        }

        private record Row(int number, MessageReport report) {
        }

        static String details(List<MessageReport> reports) {
            StringBuilder out = new StringBuilder();
            for (MessageReport report : reports) {
                if (report.findings().isEmpty() && report.problems().isEmpty() && report.error().isEmpty()
                    && report.senderDisagreements().isEmpty() && report.attachments().stream().allMatch(a -> a.notInspected().isEmpty())) {
                    continue;
                }
                out.append(System.lineSeparator()).append(report.message());
                if (!report.subject().isEmpty()) {
                    out.append(" \"").append(report.subject()).append('"');
                }
                out.append(System.lineSeparator());
                report.error().ifPresent(e -> line(out, "could not be read: " + e));
                for (FindingSummary finding : report.findings()) {
                    line(out, finding.severity() + " " + finding.rule() + ": " + finding.explanation());
                    finding.evidence().forEach(e -> line(out, "    \"" + e.words() + "\" (" + e.where() + "): " + e.why()));
                    line(out, "    protocol: " + String.join("; ", finding.protocols()));
                    line(out, "    what to do: " + finding.advice());
                }
                report.senderDisagreements().forEach(d -> line(out, "sender: " + d));
                report.attachments().forEach(a -> a.notInspected().ifPresent(why -> line(out, "not inspected: " + why)));
                report.problems().forEach(p -> line(out, "problem: " + p));
            }
            return out.toString();
        }

        static String summary(List<MessageReport> reports, Duration took) {
            long withFindings = reports.stream().filter(r -> !r.findings().isEmpty()).count();
            long findings = reports.stream().mapToLong(r -> r.findings().size()).sum();
            long unreadable = reports.stream().filter(r -> r.error().isPresent()).count();
            long withProblems = reports.stream().filter(r -> !r.problems().isEmpty()).count();
            long notInspected = reports.stream().flatMap(r -> r.attachments().stream()).filter(a -> a.notInspected().isPresent()).count();
            return String.format(Locale.ROOT, "%n%d message%s checked in %.1f s: %d finding%s in %d message%s; %d with problems; "
                    + "%d attachment%s not inspected; %d unreadable.", reports.size(), plural(reports.size()),
                took.toMillis() / 1000.0, findings, plural(findings), withFindings, plural(withFindings), withProblems,
                notInspected, plural(notInspected), unreadable);
        }

        private static String recipients(MessageReport report) {
            return report.recipients().stream()
                .collect(Collectors.groupingBy(r -> r.addressedAs() + " " + r.party().role(), java.util.LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        }

        private static String attachments(MessageReport report) {
            if (report.attachments().isEmpty()) {
                return "-";
            }
            long read = report.attachments().stream().filter(MessageReport.AttachmentView::read).count();
            long skipped = report.attachments().stream().filter(a -> a.notInspected().isPresent()).count();
            return read + " read" + (skipped > 0 ? ", " + skipped + " not" : "");
        }

        private static String shortName(String label) {
            int slash = label.lastIndexOf('/');
            return slash >= 0 ? label.substring(slash + 1) : label;
        }

        private static void line(StringBuilder out, String text) {
            out.append("  ").append(text).append(System.lineSeparator());
        }

        private static String plural(long count) {
            return count == 1 ? "" : "s";
        }
    }
}
