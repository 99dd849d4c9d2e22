package io.claimstream.extract;

/** A name, pronoun or descriptive reference in a sentence; {@code slug} is filled once it is resolved. */
final class Mention {
    enum Kind { NAME, PRONOUN, GENERIC, DESCRIPTIVE }

    final Kind kind;
    final int tok0, tok1; // token range [tok0, tok1) in the sentence
    String slug;
    /** "according to X", "citing X": the source of the news, not a party to it. */
    boolean attribution;
    boolean person;
    /** A person's possessive before what they act through ("Jane Roe's investment vehicle Globex"): its slug. */
    String vehicle;

    Mention(Kind kind, int tok0, int tok1, String slug) {
        this.kind = kind;
        this.tok0 = tok0;
        this.tok1 = tok1;
        this.slug = slug;
    }

    boolean resolved() {
        return slug != null;
    }

    @Override
    public String toString() {
        return kind + ":" + slug + "@" + tok0;
    }
}
