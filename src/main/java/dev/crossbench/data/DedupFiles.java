package dev.crossbench.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Deduplication's outputs, each written atomically: duplicate pairs as CSV ({@code id1,id2,text1,text2,bi_score}
 * and {@code cross_score} when a cross-encoder verified; RFC 4180 quoting, so texts with commas, quotes or line
 * breaks read back whole) and clusters as JSON Lines, one cluster per line.
 */
public final class DedupFiles {
    /** One duplicate pair; {@code crossScore} NaN when not scored. */
    public record PairRow(String id1, String id2, String text1, String text2, double biScore, double crossScore) {}

    /** One cluster: its number (1 = largest), its rows' ids and texts, the accepted pairs in it and their lowest cosine. */
    public record ClusterRow(int number, List<String> ids, List<String> texts, int pairs, double minBiScore) {}

    private DedupFiles() {}

    public static void writePairs(Path file, List<PairRow> rows, boolean withCross) {
        AtomicFile.writeText(file, "duplicate pairs", w -> {
            w.write("id1,id2,text1,text2,bi_score" + (withCross ? ",cross_score" : "") + "\n");
            StringBuilder line = new StringBuilder();
            for (PairRow r : rows) {
                line.setLength(0);
                line.append(CsvField.quote(r.id1())).append(',').append(CsvField.quote(r.id2())).append(',')
                        .append(CsvField.quote(r.text1())).append(',').append(CsvField.quote(r.text2())).append(',')
                        .append(number(r.biScore()));
                if (withCross) {
                    line.append(',').append(Double.isNaN(r.crossScore()) ? "" : number(r.crossScore()));
                }
                w.write(line.append('\n').toString());
            }
        });
    }

    public static void writeClusters(Path file, List<ClusterRow> clusters) {
        AtomicFile.writeText(file, "clusters", w -> {
            for (ClusterRow c : clusters) {
                JsonObject o = new JsonObject();
                o.addProperty("cluster", c.number());
                o.addProperty("size", c.ids().size());
                o.addProperty("pairs", c.pairs());
                o.addProperty("min_bi_score", Double.parseDouble(number(c.minBiScore())));
                JsonArray ids = new JsonArray();
                c.ids().forEach(ids::add);
                JsonArray texts = new JsonArray();
                c.texts().forEach(texts::add);
                o.add("ids", ids);
                o.add("texts", texts);
                w.write(o.toString());
                w.write('\n');
            }
        });
    }


    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
