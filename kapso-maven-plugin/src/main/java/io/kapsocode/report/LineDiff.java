package io.kapsocode.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for prompts and code: {@code "  "} for a kept
 * line, {@code "- "} removed, {@code "+ "} added. Unchanged runs longer than the context are elided.
 */
final class LineDiff {

    /** Texts longer than this many lines are summarised instead: the table would be too large. */
    static final int MAX_LINES = 3_000;

    private static final int CONTEXT = 2;

    private LineDiff() {}

    static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return List.of("- (" + a.length + " lines)", "+ (" + b.length + " lines)");
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("- " + a[i++]); // removals first, as diff tools show them
            } else {
                lines.add("+ " + b[j++]);
            }
        }
        return elide(lines);
    }

    private static List<String> elide(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith("  ") && !nearChange(lines, k)) {
                int skipped = 0;
                while (k < lines.size() && lines.get(k).startsWith("  ") && !nearChange(lines, k)) {
                    skipped++;
                    k++;
                }
                out.add("  ... " + skipped + " unchanged line" + (skipped == 1 ? "" : "s"));
                k--;
            } else {
                out.add(lines.get(k));
            }
        }
        return out;
    }

    private static boolean nearChange(List<String> lines, int index) {
        for (int k = Math.max(0, index - CONTEXT); k <= Math.min(lines.size() - 1, index + CONTEXT); k++) {
            if (!lines.get(k).startsWith("  ")) {
                return true;
            }
        }
        return false;
    }
}
