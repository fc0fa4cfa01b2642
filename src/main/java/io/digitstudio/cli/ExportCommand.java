package io.digitstudio.cli;

import io.digitstudio.data.ClassNames;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.OnnxExport;
import io.digitstudio.io.Safetensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code export}: a model in another format, for the tools people deploy with (ONNX) and train big models with
 * (PyTorch's safetensors), or back to Chainer's NPZ. Any model file DigitStudio reads is accepted.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model as ONNX (onnxruntime, Netron), safetensors (PyTorch's state dict) or Chainer's NPZ.")
final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @WhenMissing("MODEL, the model to convert (.npz, .onnx or .safetensors)")
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model: .npz, .onnx or .safetensors.")
    Path model;

    @WhenMissing("OUT, the file to write")
    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--format", paramLabel = "onnx|safetensors|npz", description = "The format to write (default: from OUT's extension).")
    String format;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        String fmt = format != null ? format.toLowerCase(Locale.ROOT) : fromExtension(out);
        if (!java.util.List.of("onnx", "safetensors", "npz").contains(fmt)) {
            throw new UsageException("--format must be onnx, safetensors or npz, got '" + format + "'");
        }
        ModelOutput.existing(model, "a model file");
        ModelOutput.check(out);
        if (Files.exists(out) && !force) throw new UserInputException(out + " exists; add --force to replace it");
        if (Files.exists(out) && Files.isSameFile(out, model)) throw new UserInputException(out + " is the model being exported");
        Startup.engine();
        ModelFiles.LoadedModel m = ModelFiles.load(model);
        m.notes().forEach(n -> System.err.println(Cli.noteLine(spec, n)));
        ModelInfo info = m.info();
        if (info.classNames() == null) info = new ModelInfo(info.testAccuracy(), info.dataset(), ClassNames.numbers(m.model().classes()));
        switch (fmt) {
            case "onnx" -> OnnxExport.save(out, m.model(), info);
            case "safetensors" -> Safetensors.save(out, m.model(), info);
            default -> ModelFiles.saveNpz(out, m.model(), info);
        }
        System.out.printf(Locale.ROOT, "%s: %s (%s) as %s, %,d bytes%n", out, m.model().description(), m.model().spec().text(), fmt, Files.size(out));
        return 0;
    }

    private static String fromExtension(Path out) {
        String n = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
        if (n.endsWith(".onnx")) return "onnx";
        if (n.endsWith(".safetensors")) return "safetensors";
        if (n.endsWith(".npz")) return "npz";
        throw new UsageException("cannot tell the format from " + out.getFileName() + "; give --format onnx, safetensors or npz");
    }
}
