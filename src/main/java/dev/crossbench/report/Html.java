package dev.crossbench.report;

import java.util.List;

/** The HTML bits every report section shares: escaping and a plain table. */
public final class Html {
    private Html() {
    }

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A plain HTML table of text cells, escaped; shared with the report's other sections. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<table><tr>");
        header.forEach(h -> t.append("<th>").append(esc(h)).append("</th>"));
        t.append("</tr>");
        rows.forEach(r -> t.append("<tr><td>").append(String.join("</td><td>", r.stream().map(Html::esc).toList()))
                .append("</td></tr>"));
        return t.append("</table>").toString();
    }
}
