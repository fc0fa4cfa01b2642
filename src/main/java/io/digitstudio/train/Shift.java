package io.digitstudio.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Chainer's shift extensions share: the optimizer hyper-parameter they set, their trigger, the call count
 * {@code _t} and the last value set {@code _last_value} (restored on resume before the first iteration), run at
 * editor priority.
 */
abstract class Shift implements Extension {
    protected final String attr;
    private final Trigger trigger;
    protected long t;
    protected Double lastValue;

    Shift(String attr, Trigger trigger) {
        this.attr = attr;
        this.trigger = trigger;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public int priority() {
        return PRIORITY_EDITOR;
    }

    protected final void set(TrainingLoop loop, double value) {
        loop.optimizer().set(attr, value);
        lastValue = value;
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        t = s.optional("_t", t);
        lastValue = s.nullable("_last_value", lastValue);
    }
}
