package dev.crossbench.model.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Input positions sorted by token count, longest first: batches of similar length waste little
 * compute on padding, and the largest batch runs first so memory trouble shows at once.
 */
public final class LengthOrder {
    private LengthOrder() {}

    public static Integer[] longestFirst(List<Tokenized> tokens) {
        Integer[] order = IntStream.range(0, tokens.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> tokens.get(i).length()).reversed());
        return order;
    }
}
