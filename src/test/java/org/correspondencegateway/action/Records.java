package org.correspondencegateway.action;

import java.util.List;
import java.util.Optional;

import org.correspondencegateway.rules.FindingSummary;

/** Check records as the check stage writes them, for the action stage's tests. */
final class Records {
    static final String OFFICER = "j.hughes@prioryvale-tc.example";
    static final String RESIDENT = "m.patel@resident.example";

    private Records() {
    }

    static FindingSummary silentCopy() {
        return new FindingSummary("silent-copy", "Silent copy to a councillor", "MEDIUM",
            List.of("Dunstable Town Council's protocol, CORRESPONDENCE, first paragraph"),
            List.of(new FindingSummary.PartyView("cllr.whitlock@prioryvale-tc.example", "councillor", Optional.of("Tom Whitlock"),
                Optional.of("t-whitlock"))),
            List.of(new FindingSummary.EvidenceView("cllr.whitlock@prioryvale-tc.example", "ENVELOPE", "blind copy (in the envelope only)",
                "Councillor Tom Whitlock received this as a blind copy")),
            "Jo Hughes copied Councillor Tom Whitlock by blind copy, without saying so.",
            "Add \"CC Councillor Tom Whitlock\" at the foot of the email.");
    }

    static FindingSummary confidential() {
        return new FindingSummary("confidential-to-third-party", "Confidential material to a third party", "HIGH",
            List.of("Halstead Town Council's protocol, 5"),
            List.of(new FindingSummary.PartyView(RESIDENT, "third party", Optional.empty(), Optional.empty())),
            List.of(new FindingSummary.EvidenceView("CONFIDENTIAL - Personnel Committee only", "NEW_TEXT", "new text", "a marking"),
                new FindingSummary.EvidenceView("Strictly confidential: Mrs Patel's tenancy arrears", "QUOTED_TEXT", "quoted text",
                    "a marking in the quoted history")),
            "This message is marked confidential and goes to a third party.",
            "Remove that recipient, or take out the confidential material.");
    }

    static CheckRecord of(String sender, boolean inside, FindingSummary... findings) {
        return new CheckRecord(Optional.of("m-1@prioryvale-tc.example"), "Allotments <urgent>", Optional.of(sender),
            Optional.of(inside ? "Jo Hughes" : "Mrs M Patel"), inside, List.of(RESIDENT, "cllr.okonkwo@prioryvale-tc.example"),
            List.of(findings), List.of(), false);
    }

    static CheckRecord uncheckable(String sender, boolean inside) {
        return new CheckRecord(Optional.empty(), "Accounts", Optional.of(sender), Optional.empty(), inside, List.of(RESIDENT),
            List.of(), List.of("accounts.pdf is encrypted"), false);
    }
}
