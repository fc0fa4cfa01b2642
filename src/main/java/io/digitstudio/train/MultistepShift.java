package io.digitstudio.train;

import java.util.Map;

/**
 * Chainer's {@code MultistepShift(attr, gamma, step_value, init)}: the hyper-parameter is {@code init · gamma^k} once
 * the call count has reached k of the steps (called at every epoch's end here, so steps 4, 7 multiply by 0.1 from
 * epoch 5 and again from epoch 8: the command line's {@code step:0.1@5,8}); set to {@code init} before the first
 * iteration.
 */
public final class MultistepShift implements Extension {
    private final String attr;
    private final double gamma;
    private final long[] steps;
    private Double init;
    private final Trigger trigger;
    private long t;
    private int currentStep;

    public MultistepShift(String attr, double gamma, long[] steps, Double init, Trigger trigger) {
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) throw new IllegalArgumentException("the steps must increase, got " + java.util.Arrays.toString(steps));
        }
        this.attr = attr;
        this.gamma = gamma;
        this.steps = steps.clone();
        this.init = init;
        this.trigger = trigger;
    }

    @Override
    public String name() {
        return "MultistepShift";
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public int priority() {
        return PRIORITY_EDITOR;
    }

    @Override
    public void initialize(TrainingLoop loop) {
        if (init == null) {
            init = loop.optimizer().get(attr);
        } else if (t == 0) {
            loop.optimizer().set(attr, init);
        }
    }

    @Override
    public void call(TrainingLoop loop) {
        t++;
        if (currentStep < steps.length && t >= steps[currentStep]) currentStep++;
        loop.optimizer().set(attr, init * Math.pow(gamma, currentStep));
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        t = s.optional("_t", t);
        currentStep = (int) s.optional("_current_step", (long) currentStep);
        double i = s.optional("_init", init == null ? Double.NaN : init);
        if (!Double.isNaN(i)) init = i;
    }
}
