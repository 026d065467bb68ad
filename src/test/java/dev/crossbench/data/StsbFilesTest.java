package dev.crossbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbench.testutil.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real STS Benchmark files from ../shared/data/stsb (never copied into the project). Expected
 * values were computed with Python: rows = [l.split('\t') for l in open(f, encoding='utf-8').read().split('\n')
 * if l.strip()], scores = float(row[4]), texts = row[5], row[6]; means with numpy.
 */
class StsbFilesTest {
    private static Path stsb;

    @BeforeAll
    static void locate() {
        stsb = SharedData.file("stsb");
    }

    @Test
    void train() {
        PairDataset train = PairReader.read(stsb.resolve("sts-train.csv"));
        assertEquals(5749, train.size());
        assertEquals(new LabeledPair("A plane is taking off.", "An air plane is taking off.", 5.0), train.get(0));
        assertEquals("Putin spokesman: Doping charges appear unfounded", train.get(5748).sentence1());
        assertEquals(10566, train.uniqueSentences().size());
        // A sentence that starts with an unbalanced quote (line 2002) stays as written: TSV has no quoting.
        assertEquals("\"Then the captain was gone.", train.get(2001).sentence1());
        // np.mean of the train scores
        assertEquals(2.7009990253653497, mean(train), 1e-12);
    }

    @Test
    void dev() {
        PairDataset dev = PairReader.read(stsb.resolve("sts-dev.csv"));
        assertEquals(1500, dev.size());
        assertEquals(new LabeledPair("A man with a hard hat is dancing.", "A man wearing a hard hat is dancing.", 5.0),
                dev.get(0));
        assertEquals(2910, dev.uniqueSentences().size());
        assertEquals(2.3639075555555555, mean(dev), 1e-12);
    }

    @Test
    void test() {
        PairDataset test = PairReader.read(stsb.resolve("sts-test.csv"));
        assertEquals(1379, test.size());
        assertEquals("sts-test", test.name());
        assertEquals(new LabeledPair("A girl is styling her hair.", "A girl is brushing her hair.", 2.5), test.get(0));
        // Line 626 has the two extra source columns; its texts end with a space in the original file.
        assertEquals(new LabeledPair(
                "I remained under the banyan tree, exhausted by my daily ritual of dragooning the men every two hours. ",
                "I remained under the banyan tree, exhausted by my daily ritual of herding the cats every two hours. ",
                3.0), test.get(625));
        assertEquals(0.0, test.minScore());
        assertEquals(5.0, test.maxScore());
        assertEquals(2552, test.uniqueSentences().size());
        // np.mean of the test scores = 2.607916606236403 (sum 3596.317)
        assertEquals(2.607916606236403, mean(test), 1e-12);
    }

    private static double mean(PairDataset data) {
        double sum = 0;
        for (double s : data.scores()) {
            sum += s;
        }
        return sum / data.size();
    }
}
