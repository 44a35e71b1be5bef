package org.correspondencegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.correspondencegateway.config.ConfigurationProblem;
import org.correspondencegateway.directory.DirectoryFile;

/**
 * A directory of any size for benchmarks: the sample council's people, then made-up officers (and one
 * councillor in twenty) with distinct names and addresses until there are {@code people} in all, as a
 * large principal council's directory would have.
 */
final class LargeDirectory {
    private static final List<String> GIVEN = List.of("Amira", "Ben", "Chloe", "Dev", "Eleanor", "Farid", "Grace", "Harry", "Isla",
        "Jonah", "Kiran", "Lucy", "Mohammed", "Niamh", "Owen", "Priya", "Quentin", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy",
        "Xavier", "Yasmin", "Zac", "Aled", "Bethan", "Carys", "Dylan", "Efa", "Ffion", "Gethin", "Hywel", "Ieuan", "Kate", "Llew", "Mair",
        "Nia", "Rhys");
    private static final List<String> FAMILY = List.of("Abbott", "Bailey", "Carter", "Dalton", "Ellis", "Foster", "Gibson", "Hart",
        "Ingram", "Jarvis", "Kaur", "Lawson", "Morgan", "Nash", "Oakley", "Parry", "Quinn", "Rahman", "Shaw", "Turner", "Underwood",
        "Vaughan", "Walsh", "Yates", "Zhang", "Ahmed", "Begum", "Chowdhury", "Davies", "Evans", "Griffiths", "Hussain", "Jones", "Khan",
        "Lewis", "Mistry", "Novak", "Owens", "Patel", "Roberts", "Singh", "Thomas", "Uddin", "Vernon", "Williams", "Young", "Zielinski",
        "Adeyemi", "Brennan", "Costa");

    private LargeDirectory() {
    }

    /** The sample directory's text with people added after it until there are {@code people}. */
    static String yaml(Path sample, int people) throws IOException, ConfigurationProblem {
        int existing = DirectoryFile.load(sample).people().size();
        StringBuilder yaml = new StringBuilder(Files.readString(sample));
        if (!yaml.toString().endsWith("\n")) {
            yaml.append('\n');
        }
        for (int i = 0; i < people - existing; i++) {
            String given = GIVEN.get(i % GIVEN.size());
            String family = FAMILY.get((i / GIVEN.size()) % FAMILY.size());
            int generation = i / (GIVEN.size() * FAMILY.size());
            String name = given + " " + family + (generation == 0 ? "" : "-" + roman(generation));
            String id = "gen-" + i;
            String local = (given + "." + family).toLowerCase(Locale.ROOT) + (generation == 0 ? "" : Integer.toString(generation));
            boolean councillor = i % 20 == 0;
            yaml.append("  - id: ").append(id).append('\n')
                .append("    name: ").append(name).append('\n')
                .append("    role: ").append(councillor ? "councillor" : "officer").append('\n')
                .append("    addresses: [").append(councillor ? "cllr." : "").append(local).append("@prioryvale-tc.example]\n");
        }
        return yaml.toString();
    }

    private static String roman(int n) {
        String[] units = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
        String[] tens = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
        return tens[(n / 10) % 10] + units[n % 10];
    }
}
