package io.claimstream.stream;

import io.claimstream.consensus.Evidence;
import io.claimstream.model.Bound;
import io.claimstream.model.Modality;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** History entry keys are on disk and in changelogs: the text their digest hashes must never change. */
class ClaimHistoryStoreTest {

    @Test
    void theDigestedTextIsTheRecordsOwnToString() {
        SplittableRandom r = new SplittableRandom(7);
        String[] texts = {"Globex will invest $1 billion in Initech.", "", "Ünïcödé — “quoted”, 50% plus one share",
                "line\nbreak\ttab"};
        for (int i = 0; i < 2_000; i++) {
            Bound bound = Bound.values()[r.nextInt(Bound.values().length)];
            double value = r.nextDouble() * Math.pow(10, r.nextInt(13));
            Evidence e = new Evidence(r.nextBoolean() ? "reuters.com" : "source " + i, "a" + i,
                    r.nextInt(3) == 0 ? null : "https://example.com/" + i, value,
                    bound == Bound.RANGE ? value * (1 + r.nextDouble()) : null, bound,
                    Modality.values()[r.nextInt(Modality.values().length)], r.nextBoolean(), texts[r.nextInt(texts.length)],
                    r.nextInt(10_000), r.nextInt(10_000), r.nextLong(), r.nextBoolean(), r.nextLong(), r.nextLong());
            assertThat(ClaimHistoryStore.recordText(e)).isEqualTo(e.toString());
        }
    }

    @Test
    void theEntryKeyIsTheKeyTheTimeAndTheFirstEightBytesOfTheSha256OfTheClaimsText() throws Exception {
        Evidence e = new Evidence("reuters.com", "a1", null, 14.3e9, null, Bound.EXACT, Modality.REPORTED, false,
                "Globex will invest $14.3 billion in Initech.", 0, 44, 1_750_000_000_000L, false, 0L, 0L);
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest(e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String expected = "globex>initech:investment_amount\u0000"
                + java.util.HexFormat.of().toHexDigits(1_750_000_000_000L ^ Long.MIN_VALUE) + "\u0000"
                + java.util.HexFormat.of().formatHex(sha, 0, 8);
        // twice: the digest is reused per thread and must start afresh each time
        assertThat(ClaimHistoryStore.entryKey("globex>initech:investment_amount", e)).isEqualTo(expected);
        assertThat(ClaimHistoryStore.entryKey("globex>initech:investment_amount", e)).isEqualTo(expected);
    }
}
