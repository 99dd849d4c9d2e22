package io.claimstream.extract;

import java.util.Map;
import java.util.Set;

/** Currency signs, codes and names of English news text, mapped to ISO 4217. */
final class Currencies {
    private Currencies() {}

    /** Codes accepted when written in upper case next to a number ("USD 200", "115USD", "EUR="). */
    static final Set<String> ISO = Set.of(
            "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "HKD", "SGD", "NZD", "KRW", "SEK",
            "NOK", "DKK", "MYR", "ILS", "BRL", "MXN", "ZAR", "RUB", "TRY", "AED", "SAR", "THB", "IDR", "PHP", "TWD",
            "PLN", "CZK", "HUF", "NGN", "EGP", "PKR", "VND", "KES", "ARS", "CLP", "COP", "QAR", "KWD", "BDT", "LKR");

    /** Single-character signs. The dollar is resolved with its qualifier separately. */
    static String sign(char c) {
        switch (c) {
            case '€': return "EUR";
            case '£': return "GBP";
            case '¥': return "JPY";   // also used for yuan; the yen reading is the more common in English coverage
            case '₹': return "INR";
            case '₩': return "KRW";
            case '₽': return "RUB";
            case '₺': return "TRY";
            case '₪': return "ILS";
            case '฿': return "THB";
            case '₫': return "VND";
            case '₱': return "PHP";
            case '₦': return "NGN";
            case '元': return "CNY";
            default: return null;
        }
    }

    /** Letters written before "$" ("US$", "HK $", "C$", "$US") that say which dollar it is. */
    static final Map<String, String> DOLLAR_QUALIFIER = Map.ofEntries(
            Map.entry("us", "USD"), Map.entry("u.s.", "USD"), Map.entry("usd", "USD"),
            Map.entry("c", "CAD"), Map.entry("ca", "CAD"), Map.entry("can", "CAD"), Map.entry("cad", "CAD"),
            Map.entry("a", "AUD"), Map.entry("au", "AUD"), Map.entry("aud", "AUD"),
            Map.entry("hk", "HKD"), Map.entry("nz", "NZD"), Map.entry("nzd", "NZD"),
            Map.entry("s", "SGD"), Map.entry("sg", "SGD"), Map.entry("nt", "TWD"),
            Map.entry("r", "BRL"), Map.entry("mex", "MXN"), Map.entry("mx", "MXN"), Map.entry("mxn", "MXN"));

    /** Currency names after a number ("15 billion dollars", "420 million euros"). */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"),
            Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("yen", "JPY"), Map.entry("yuan", "CNY"), Map.entry("renminbi", "CNY"), Map.entry("rmb", "CNY"),
            Map.entry("rupee", "INR"), Map.entry("rupees", "INR"),
            Map.entry("shekel", "ILS"), Map.entry("shekels", "ILS"),
            Map.entry("ringgit", "MYR"), Map.entry("baht", "THB"), Map.entry("rupiah", "IDR"),
            Map.entry("ruble", "RUB"), Map.entry("rubles", "RUB"), Map.entry("rouble", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("lira", "TRY"), Map.entry("zloty", "PLN"), Map.entry("naira", "NGN"),
            Map.entry("dirham", "AED"), Map.entry("dirhams", "AED"), Map.entry("riyal", "SAR"), Map.entry("riyals", "SAR"),
            Map.entry("kronor", "SEK"), Map.entry("krona", "SEK"), Map.entry("koruna", "CZK"),
            Map.entry("forint", "HUF"));

    /** Names that are also ordinary English words: a currency only with a scale word or a qualifier. */
    static final Map<String, String> WEAK_NAMES = Map.ofEntries(
            Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("won", "KRW"), Map.entry("rand", "ZAR"),
            Map.entry("real", "BRL"), Map.entry("peso", "MXN"), Map.entry("pesos", "MXN"), Map.entry("franc", "CHF"),
            Map.entry("francs", "CHF"),
            // "11.3 billion crowns": the Swedish crown unless a nationality says which ("Danish crowns")
            Map.entry("crowns", "SEK"), Map.entry("crown", "SEK"), Map.entry("kroner", "DKK"));

    /** Nationality words that select a dollar, franc, etc. ("Australian dollars", "Hong Kong dollars"). */
    static final Map<String, String> DOLLAR_NATIONALITY = Map.ofEntries(
            Map.entry("us", "USD"), Map.entry("u.s.", "USD"), Map.entry("american", "USD"),
            Map.entry("australian", "AUD"), Map.entry("canadian", "CAD"), Map.entry("singapore", "SGD"),
            Map.entry("kong", "HKD"), Map.entry("zealand", "NZD"), Map.entry("taiwan", "TWD"), Map.entry("taiwanese", "TWD"));

    static final Map<String, String> NATIONALITY_OTHER = Map.ofEntries(
            Map.entry("swiss", "CHF"), Map.entry("chinese", "CNY"), Map.entry("japanese", "JPY"),
            Map.entry("indian", "INR"), Map.entry("pakistani", "PKR"), Map.entry("mexican", "MXN"),
            Map.entry("philippine", "PHP"), Map.entry("turkish", "TRY"), Map.entry("korean", "KRW"),
            Map.entry("brazilian", "BRL"), Map.entry("south", "ZAR"), Map.entry("egyptian", "EGP"),
            Map.entry("swedish", "SEK"), Map.entry("norwegian", "NOK"), Map.entry("danish", "DKK"),
            Map.entry("sterling", "GBP"), Map.entry("british", "GBP"), Map.entry("israeli", "ILS"),
            Map.entry("russian", "RUB"), Map.entry("malaysian", "MYR"), Map.entry("czech", "CZK"),
            Map.entry("hungarian", "HUF"), Map.entry("polish", "PLN"));
}
