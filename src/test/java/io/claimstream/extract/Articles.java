package io.claimstream.extract;

import io.claimstream.model.ArticleText;
import io.claimstream.model.Claim;

import java.util.List;
import java.util.Optional;

/** Small helpers for tests that run the extractor on a few sentences of general English. */
final class Articles {
    private Articles() {}

    static List<Claim> extract(String text) {
        return new ClaimExtractor().extract(new ArticleText("t", "test", null, null, null, text));
    }

    static Optional<Claim> find(List<Claim> claims, String key) {
        return claims.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    static Claim only(List<Claim> claims, String key) {
        List<Claim> hits = claims.stream().filter(c -> c.key().equals(key)).toList();
        if (hits.size() != 1) throw new AssertionError("expected one claim " + key + " in " + keys(claims));
        return hits.get(0);
    }

    static List<String> keys(List<Claim> claims) {
        return claims.stream().map(c -> c.key() + "=" + c.value()).toList();
    }
}
