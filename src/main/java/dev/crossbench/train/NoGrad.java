package dev.crossbench.train;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs inference with PyTorch's autograd off. Grad mode is per thread in PyTorch and on by
 * default in new threads (a GUI task's, say), so evaluation during training switches it off
 * explicitly instead of recording graphs it never uses.
 */
final class NoGrad {
    private NoGrad() {}

    static <T> T call(Supplier<T> work) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(was);
        }
    }

}
