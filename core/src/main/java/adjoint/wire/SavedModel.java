package adjoint.wire;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Layout;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Term;
import adjoint.optim.Adam;
import adjoint.optim.Optimizer;
import adjoint.optim.Sgd;
import adjoint.optim.State;
import adjoint.optim.Training;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained model as a file: its loss expression (in the {@link WireFormat}), its parameters'
 * values by name, and, to resume training, the optimizer and where its run stood. A text file:
 *
 * <pre>
 * adjoint-model 1
 * parameter "w" 2 1 1.498 -2.015
 * parameter "b" 1 1 0.393
 * optimizer adam 0.01 0.9 0.999 1.0E-8
 * state 150 2 moment ... moment ...
 * expression
 * adjoint-expression 1
 * ...
 * root 12
 * </pre>
 *
 * <p>Numbers are written exactly (the shortest decimal that reads back as the same double), so
 * a model read back gives the same values and predictions bit for bit. Immutable.
 */
public final class SavedModel {

    /** The first line's word. */
    public static final String HEADER = "adjoint-model";
    /** The version this class writes and reads. */
    public static final int VERSION = 1;

    private final Expr loss;
    private final List<Leaf.Variable> parameters;
    private final double[] point;
    private final Optimizer optimizer;
    private final State state;

    private SavedModel(Expr loss, List<Leaf.Variable> parameters, double[] point, Optimizer optimizer, State state) {
        this.loss = loss;
        this.parameters = List.copyOf(parameters);
        this.point = point.clone();
        this.optimizer = optimizer;
        this.state = state;
    }

    /**
     * {@return a model: a loss, its trainable parameters in the order of a flat point, and their values}
     *
     * @param loss the loss expression; variables it has beyond the parameters (the data) are not saved
     * @param parameters the trained variables
     * @param point their values, laid out as a flat point of {@code parameters}
     * @throws IllegalArgumentException if a parameter is not a variable or the point's length is wrong
     */
    public static SavedModel of(Term loss, List<? extends Term> parameters, double[] point) {
        Objects.requireNonNull(loss, "loss is null");
        List<Leaf.Variable> vars = new ArrayList<>();
        for (Term t : Objects.requireNonNull(parameters, "parameters is null")) {
            if (!(Objects.requireNonNull(t, "a parameter is null").expr() instanceof Leaf.Variable v)) {
                throw new IllegalArgumentException("not a variable: " + t.expr());
            }
            vars.add(v);
        }
        int dimension = Layout.of(vars).dimension();
        if (Objects.requireNonNull(point, "point is null").length != dimension) {
            throw new IllegalArgumentException("the point has " + point.length + " entries; the parameters have " + dimension);
        }
        return new SavedModel(loss.expr(), vars, point, null, null);
    }

    /**
     * {@return this model with the optimizer that trained it and where its run stood}, so that
     * training resumes exactly: {@code optimizer.resume(model.state())}
     *
     * @param optimizer the optimizer, {@link Adam} or {@link Sgd}
     * @param training the training's result, whose state is saved and whose point becomes the model's
     * @throws IllegalArgumentException if the training kept no state or its point has another length
     */
    public SavedModel trainedBy(Optimizer optimizer, Training training) {
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(training, "training is null");
        if (training.state() == null) {
            throw new IllegalArgumentException("this training kept no optimizer state to save");
        }
        if (training.point().length != point.length) {
            throw new IllegalArgumentException("the training's point has " + training.point().length + " entries; the model's "
                    + point.length);
        }
        return new SavedModel(loss, parameters, training.point(), optimizer, training.state());
    }

    /** {@return the loss expression} */
    public Expr loss() {
        return loss;
    }

    /** {@return the trained parameters, in the order of {@link #point()}} */
    public List<Leaf.Variable> parameters() {
        return parameters;
    }

    /** {@return the parameters' values laid out as a flat point, a new array} */
    public double[] point() {
        return point.clone();
    }

    /** {@return the parameters' values as bindings by name, for evaluating the loss or a prediction} */
    public Bindings bindings() {
        Layout layout = Layout.of(parameters);
        Bindings b = Bindings.empty();
        for (int k = 0; k < parameters.size(); k++) {
            b = b.and(parameters.get(k).name(), layout.part(point, k));
        }
        return b;
    }

    /** {@return the optimizer that trained it, or null if none was saved} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return where the optimizer's run stood, or null if none was saved} */
    public State state() {
        return state;
    }

    /** {@return the loss compiled with the parameters first, then any other variables (the data)} */
    public CompiledFunction compile() {
        List<Leaf.Variable> all = new ArrayList<>(parameters);
        for (Leaf.Variable v : CompiledFunction.of(loss).parameters()) {
            if (all.stream().noneMatch(p -> p.name().equals(v.name()))) {
                all.add(v);
            }
        }
        return CompiledFunction.of(loss, all);
    }

    /**
     * Writes the model to a file, replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException if it cannot be written, saying why
     */
    public void save(Path file) {
        try {
            Files.writeString(Objects.requireNonNull(file, "file is null"), text(WireFormat.standard()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the model as text}, custom ops written as {@code format} writes them
     *
     * @param format the wire form, with any custom ops the loss uses registered
     */
    public String text(WireFormat format) {
        StringBuilder sb = new StringBuilder(HEADER).append(' ').append(VERSION).append('\n');
        Layout layout = Layout.of(parameters);
        for (int k = 0; k < parameters.size(); k++) {
            Leaf.Variable v = parameters.get(k);
            sb.append("parameter ").append(WireFormat.quote(v.name())).append(' ').append(v.shape().rows()).append(' ')
                    .append(v.shape().cols());
            for (int i = 0; i < v.shape().size(); i++) {
                sb.append(' ').append(WireFormat.number(point[layout.offset(k) + i]));
            }
            sb.append('\n');
        }
        if (optimizer != null) {
            sb.append("optimizer ").append(switch (optimizer) {
                case Adam a -> "adam " + a.learningRate() + " " + a.beta1() + " " + a.beta2() + " " + a.epsilon();
                case Sgd s -> "sgd " + s.learningRate() + " " + s.momentum();
            }).append('\n');
            sb.append("state ").append(state.steps()).append(' ').append(state.moments().size());
            for (double[] m : state.moments()) {
                for (double x : m) {
                    sb.append(' ').append(WireFormat.number(x));
                }
            }
            sb.append('\n');
        }
        sb.append("expression\n").append(format.write(loss));
        return sb.toString();
    }

    /**
     * {@return the model a file holds}
     *
     * @param file the file
     * @throws WireFormatException naming the line and what was expected there
     * @throws UncheckedIOException if it cannot be read, saying why
     */
    public static SavedModel load(Path file) {
        return load(file, WireFormat.standard());
    }

    /**
     * {@return the model a file holds}, its custom ops read as {@code format} reads them
     *
     * @param file the file
     * @param format the wire form, with the custom ops the loss uses registered
     */
    public static SavedModel load(Path file, WireFormat format) {
        try {
            return parse(Files.readString(Objects.requireNonNull(file, "file is null"), StandardCharsets.UTF_8), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@return the model a text holds}
     *
     * @param text what {@link #text} wrote
     * @param format the wire form, with the custom ops the loss uses registered
     * @throws WireFormatException naming the line and what was expected there
     */
    public static SavedModel parse(String text, WireFormat format) {
        Objects.requireNonNull(format, "format is null");
        BufferedReader lines = new BufferedReader(new StringReader(Objects.requireNonNull(text, "text is null")));
        try {
            String first = lines.readLine();
            if (first == null || !first.strip().equals(HEADER + " " + VERSION)) {
                throw new WireFormatException(1, first != null && first.startsWith(HEADER + " ")
                        ? "version " + first.substring(HEADER.length() + 1).strip() + " is not supported; this reader reads version " + VERSION
                        : "expected '" + HEADER + " " + VERSION + "'");
            }
            List<Leaf.Variable> parameters = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            Optimizer optimizer = null;
            State state = null;
            int number = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String[] words = line.strip().split(" ");
                switch (words[0]) {
                    case "parameter" -> parameter(line, number, parameters, values);
                    case "optimizer" -> optimizer = optimizer(words, number);
                    case "state" -> state = state(words, number, values.size());
                    case "expression" -> {
                        StringBuilder rest = new StringBuilder();
                        for (String l = lines.readLine(); l != null; l = lines.readLine()) {
                            rest.append(l).append('\n');
                        }
                        Expr loss;
                        try {
                            loss = format.read(rest.toString());
                        } catch (WireFormatException e) {
                            throw new WireFormatException(number + e.line(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e);
                        }
                        if ((optimizer == null) != (state == null)) {
                            throw new WireFormatException(number, "an optimizer and its state come together; this model has only "
                                    + (optimizer == null ? "the state" : "the optimizer"));
                        }
                        double[] point = values.stream().mapToDouble(Double::doubleValue).toArray();
                        return new SavedModel(loss, parameters, point, optimizer, state);
                    }
                    default -> throw new WireFormatException(number, "expected parameter, optimizer, state or expression, found '"
                            + (words[0].length() > 40 ? words[0].substring(0, 40) + "…" : words[0]) + "'");
                }
            }
            throw new WireFormatException(number + 1, "expected 'expression' and the loss: the text is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parameter(String line, int number, List<Leaf.Variable> parameters, List<Double> values) {
        WireFormat.Tokens t = new WireFormat.Tokens(line, number);
        t.word("parameter");
        String name = t.name();
        int rows = t.integer("the parameter's rows");
        int cols = t.integer("the parameter's columns");
        Leaf.Variable v = new Leaf.Variable(name, WireFormat.shape(t, rows, cols));
        for (int i = 0; i < v.shape().size(); i++) {
            values.add(t.number());
        }
        t.end();
        if (parameters.stream().anyMatch(p -> p.name().equals(name))) {
            throw new WireFormatException(number, "parameter " + name + " is given twice");
        }
        parameters.add(v);
    }

    private static Optimizer optimizer(String[] words, int number) {
        try {
            return switch (words.length > 1 ? words[1] : "") {
                case "adam" -> new Adam(number(words[2], number), number(words[3], number), number(words[4], number),
                        number(words[5], number));
                case "sgd" -> new Sgd(number(words[2], number), number(words[3], number));
                default -> throw new WireFormatException(number, "expected optimizer adam or sgd");
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new WireFormatException(number, "the optimizer's settings are cut short", e);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(number, e.getMessage(), e);
        }
    }

    private static State state(String[] words, int number, int dimension) {
        try {
            int steps = Integer.parseInt(words[1]);
            int count = Integer.parseInt(words[2]);
            if (words.length != 3 + count * dimension) {
                throw new WireFormatException(number, "expected " + count + " moments of " + dimension + " entries (the parameters'),"
                        + " found " + (words.length - 3) + " numbers");
            }
            List<double[]> moments = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                double[] m = new double[dimension];
                for (int i = 0; i < dimension; i++) {
                    m[i] = number(words[3 + k * dimension + i], number);
                }
                moments.add(m);
            }
            return new State(steps, moments);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new WireFormatException(number, "expected 'state STEPS MOMENTS' and the moments' entries", e);
        }
    }

    private static double number(String word, int line) {
        WireFormat.Tokens t = new WireFormat.Tokens(word, line);
        double x = t.number();
        t.end();
        return x;
    }
}
