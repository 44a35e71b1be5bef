package org.correspondencegateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.correspondencegateway.files.DurableFiles;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The console's passwords: one line per person, {@code id:<Argon2id hash>}, in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, OWASP's recommended minimum). The file lives under the
 * data directory, readable by its owner only, and never in git. Passwords are set with the
 * {@code password} command; the console only reads the file, afresh at each sign-in, so a new password
 * counts at once and any console sharing the file sees it.
 */
public final class PasswordFile {
    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** The shortest password the command accepts. */
    public static final int SHORTEST = 12;
    /** Hashed when a name has no password, so that the time taken does not say which names exist. */
    private static final String NOBODY = hash("not anybody's password".toCharArray(), new byte[SALT_BYTES]);

    private final Path file;
    private final SecureRandom random = new SecureRandom();

    public PasswordFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Whether anyone has a password yet (the sign-in page says how to set one when nobody has). */
    public boolean isEmpty() throws IOException {
        return read().isEmpty();
    }

    /** Whether {@code password} is {@code id}'s. Takes the same time whether or not {@code id} has one. */
    public boolean matches(String id, char[] password) throws IOException {
        Optional<String> stored = Optional.ofNullable(read().get(id));
        String encoded = stored.orElse(NOBODY);
        String[] fields = encoded.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (fields.length != 6 || !fields[1].equals("argon2id")) {
            throw new IOException(file + ": the password of " + id + " is not an Argon2id hash; set it again");
        }
        byte[] salt = Base64.getDecoder().decode(pad(fields[4]));
        boolean same = MessageDigest.isEqual(encoded.getBytes(StandardCharsets.US_ASCII),
            hash(password, salt, fields[3]).getBytes(StandardCharsets.US_ASCII));
        return stored.isPresent() && same;
    }

    /** Sets {@code id}'s password, replacing any earlier one; the file is rewritten atomically. */
    public void set(String id, char[] password) throws IOException {
        if (id.contains(":") || id.isBlank()) {
            throw new IllegalArgumentException("'" + id + "' is not a directory id");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Map<String, String> passwords = new LinkedHashMap<>(read());
        passwords.put(id, hash(password, salt));
        StringBuilder text = new StringBuilder("# Correspondence Gateway console passwords (Argon2id). Set with the password command.\n");
        passwords.forEach((who, encoded) -> text.append(who).append(':').append(encoded).append('\n'));
        DurableFiles.replace(file, text.toString(), DurableFiles.Readers.OWNER_ONLY);
    }

    private Map<String, String> read() throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (!line.isBlank() && !line.startsWith("#") && colon > 0) {
                passwords.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return Map.copyOf(passwords);
    }

    private static String hash(char[] password, byte[] salt) {
        return hash(password, salt, "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM);
    }

    private static String hash(char[] password, byte[] salt, String parameters) {
        Map<String, Integer> cost = new LinkedHashMap<>();
        for (String pair : parameters.split(",")) {
            String[] kv = pair.split("=");
            cost.put(kv[0], Integer.parseInt(kv[1]));
        }
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.get("m")).withIterations(cost.get("t")).withParallelism(cost.get("p")).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] hash = new byte[HASH_BYTES];
        generator.generateBytes(password, hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$" + parameters + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
