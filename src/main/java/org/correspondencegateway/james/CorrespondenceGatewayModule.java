package org.correspondencegateway.james;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;

import javax.inject.Singleton;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.utils.PropertiesProvider;
import org.apache.mailet.MailetContext;
import org.correspondencegateway.action.Notices;
import org.correspondencegateway.action.ReleaseLedger;
import org.correspondencegateway.audit.JsonLinesAuditLog;
import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.DirectoryFile;
import org.correspondencegateway.directory.LiveDirectory;
import org.correspondencegateway.extraction.AttachmentSpool;
import org.correspondencegateway.extraction.CachingExtractor;
import org.correspondencegateway.extraction.TikaExtractor;
import org.correspondencegateway.memory.FileCorrespondenceMemory;
import org.correspondencegateway.message.CorrespondenceReader;
import org.correspondencegateway.policy.Policy;
import org.correspondencegateway.policy.PolicyFile;
import org.correspondencegateway.rules.HeadlineRules;
import org.correspondencegateway.rules.obligation.EnglishReader;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * The gateway's services for James, as a Guice module James loads for its extensions: name it in
 * {@code extensions.properties} ({@code guice.extension.module=org.correspondencegateway.james.CorrespondenceGatewayModule})
 * and James builds one {@link GatewayServices} for the mailets, matchers and webadmin routes it
 * instantiates.
 *
 * <p>{@code correspondence-gateway.properties}, in James's configuration directory, says where things are;
 * every key is optional:
 * <pre>
 * # the council's files: directory.yaml, policy.yaml and notices/
 * council.files=file://conf/correspondence-gateway/
 * # the gateway's own state: memory.jsonl, audit.jsonl, spool/
 * state=file://var/correspondence-gateway/
 * # the mail repositories for held mail and for delivered mail with findings (James repository URLs)
 * repository.held=file://var/mail/held/
 * repository.flagged=file://var/mail/flagged/
 * # where the Town Clerk's console is, for the links in notifications
 * console.url=http://127.0.0.1:8080
 * </pre>
 * Paths are James file-system URLs ({@code file://conf/}, {@code file://var/}) or absolute paths.
 *
 * <p>A broken directory or policy stops James at start-up with the file, line and problem.
 */
public final class CorrespondenceGatewayModule extends AbstractModule {
    /** The properties file's name, without ".properties", as James's PropertiesProvider takes it. */
    public static final String PROPERTIES = "correspondence-gateway";
    public static final String COUNCIL_FILES = "file://conf/correspondence-gateway/";
    public static final String STATE = "file://var/correspondence-gateway/";
    public static final String CONSOLE_URL = "http://127.0.0.1:8080";
    private static final int MEMORY_CAPACITY = 200_000;

    @Override
    protected void configure() {
    }

    @Provides
    @Singleton
    GatewayServices services(FileSystem fileSystem, PropertiesProvider properties, MailetContext context) throws IOException {
        Configuration configuration = configuration(properties);
        Path conf = path(fileSystem, configuration.getString("council.files", COUNCIL_FILES));
        Path data = path(fileSystem, configuration.getString("state", STATE));
        try {
            LiveDirectory directory = LiveDirectory.load(conf.resolve("directory.yaml"));
            Policy policy = PolicyFile.load(conf.resolve("policy.yaml"));
            FileCorrespondenceMemory memory = FileCorrespondenceMemory.open(data.resolve("memory.jsonl"), MEMORY_CAPACITY);
            TikaExtractor tika = new TikaExtractor(policy.attachments(), Math.max(2, Runtime.getRuntime().availableProcessors()));
            CorrespondenceReader reader = new CorrespondenceReader(directory, new CachingExtractor(tika),
                new AttachmentSpool(1024 * 1024, policy.attachments().maxBytes(), data.resolve("spool")), memory);
            Notices notices = new Notices(conf.resolve("notices"), () -> postmaster(context));
            return new GatewayServices(directory, policy, reader, HeadlineRules.check(policy, new EnglishReader()), memory,
                new JsonLinesAuditLog(data.resolve("audit.jsonl")), notices, new GatewayRepositories(
                    MailRepositoryUrl.from(configuration.getString("repository.held", GatewayRepositories.HELD)),
                    MailRepositoryUrl.from(configuration.getString("repository.flagged", GatewayRepositories.FLAGGED))),
                configuration.getString("console.url", CONSOLE_URL), new ReleaseLedger(data.resolve("releases")));
        } catch (ConfigurationProblem problem) {
            throw new IllegalStateException("Correspondence Gateway cannot start: " + problem.getMessage(), problem);
        }
    }

    private static Configuration configuration(PropertiesProvider properties) {
        try {
            return properties.getConfiguration(PROPERTIES);
        } catch (FileNotFoundException e) {
            return new BaseConfiguration();
        } catch (ConfigurationException e) {
            throw new IllegalStateException("Correspondence Gateway cannot start: " + PROPERTIES + ".properties cannot be read: "
                + e.getMessage(), e);
        }
    }

    private static Path path(FileSystem fileSystem, String location) throws IOException {
        if (location.startsWith("file:") || location.startsWith("classpath:")) {
            return fileSystem.getFile(location).toPath();
        }
        return Path.of(location);
    }

    private static InternetAddress postmaster(MailetContext context) {
        try {
            return new InternetAddress("Correspondence Gateway <" + context.getPostmaster().asString() + ">");
        } catch (AddressException e) {
            throw new IllegalStateException("the postmaster address is not an address", e);
        }
    }
}
