package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.show.Formula;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Formulas in MathML: well-formed, every layout with the children MathML requires, every variable named. */
class FormulaProperties {

    static final Coverage SCALAR = new Coverage();
    static final Coverage MATRIX = new Coverage();

    /** How many element children each MathML layout takes; a browser draws anything else as an error box. */
    private static final Map<String, Integer> CHILDREN = Map.of("msup", 2, "msub", 2, "mfrac", 2);

    @AfterAll
    static void report() {
        System.out.println("[FormulaProperties] seed " + Theories.SEED + ", MathML of scalar expressions: " + SCALAR.summary());
        System.out.println("[FormulaProperties] MathML of matrix expressions: " + MATRIX.summary());
    }

    @Test
    void mathmlOfAScalarExpressionIsWellFormedAndNamesEveryVariable() {
        qt().forAll(Expressions.scalar().samples()).checkAssert(s -> {
            SCALAR.record(s);
            check(s.expression());
        });
    }

    @Test
    void mathmlOfAMatrixExpressionIsWellFormedAndNamesEveryVariable() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            MATRIX.record(s);
            check(s.expression());
        });
    }

    private static void check(Expr e) {
        String mathml = Formula.mathml(e);
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(mathml)));
        } catch (Exception ex) {
            throw new AssertionError("not well-formed XML (" + ex.getMessage() + "): " + mathml + " for " + Formula.unicode(e), ex);
        }
        Element root = doc.getDocumentElement();
        if (!root.getLocalName().equals("math") || !"http://www.w3.org/1998/Math/MathML".equals(root.getNamespaceURI())) {
            throw new AssertionError("the root is not a MathML <math>: " + mathml);
        }
        for (Map.Entry<String, Integer> layout : CHILDREN.entrySet()) {
            NodeList found = doc.getElementsByTagName(layout.getKey());
            for (int i = 0; i < found.getLength(); i++) {
                int children = elementChildren(found.item(i));
                if (children != layout.getValue()) {
                    throw new AssertionError("<" + layout.getKey() + "> with " + children + " children in " + mathml
                            + " for " + Formula.unicode(e));
                }
            }
        }
        if (mathml.contains("<mtext>")) {
            return;
        }
        Set<String> identifiers = new HashSet<>();
        NodeList mi = doc.getElementsByTagName("mi");
        for (int i = 0; i < mi.getLength(); i++) {
            identifiers.add(mi.item(i).getTextContent());
        }
        for (Leaf.Variable v : CompiledFunction.of(e).parameters()) {
            String base = v.name().replaceAll("_?\\d+$", "");
            if (!identifiers.contains(base.isEmpty() ? v.name() : base)) {
                throw new AssertionError("variable " + v.name() + " is not an <mi> in " + mathml);
            }
        }
    }

    private static int elementChildren(Node node) {
        int n = 0;
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                n++;
            }
        }
        return n;
    }
}
