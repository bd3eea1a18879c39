package io.univinsight.extraction.eval;

/** True positives, false positives and false negatives of one field, with the usual ratios. */
public final class FieldScore {
    private int tp;
    private int fp;
    private int fn;

    void hit() {
        tp++;
    }

    void spurious() {
        fp++;
    }

    void missed() {
        fn++;
    }

    void add(FieldScore other) {
        tp += other.tp;
        fp += other.fp;
        fn += other.fn;
    }

    public int truePositives() {
        return tp;
    }

    public int falsePositives() {
        return fp;
    }

    public int falseNegatives() {
        return fn;
    }

    /** 1.0 when nothing was predicted: no claim, no wrong claim. */
    public double precision() {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    /** 1.0 when nothing was expected. */
    public double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public boolean isEmpty() {
        return tp + fp + fn == 0;
    }
}
