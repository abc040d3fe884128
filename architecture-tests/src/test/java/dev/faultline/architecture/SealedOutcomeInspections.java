package dev.faultline.architecture;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The condition behind {@link ArchitectureRules#sealedOutcomesAreFolded}: a class outside an outcome's own package
 * neither checks {@code instanceof} a variant nor casts to one. A variant is a class of one of the given packages
 * that directly implements a sealed interface.
 *
 * <p>ArchUnit 1.5 models {@code instanceof} checks but not casts (TNG/ArchUnit#710), so casts are read from the
 * bytecode with ASM. The {@code checkcast} javac adds after calling a generic method (a {@code fold} whose result
 * is a variant: the call returns {@code Object}) is no cast in the source and is not counted; a cast of what a
 * method returns as the sealed interface ({@code (Created) createUser(..)}) is.
 */
final class SealedOutcomeInspections extends ArchCondition<JavaClass> {

    private final List<String> outcomePackages;

    SealedOutcomeInspections(List<String> outcomePackages) {
        super("not check instanceof or cast to a variant of a sealed outcome of " + outcomePackages
                + " outside its own package (call its fold instead)");
        this.outcomePackages = List.copyOf(outcomePackages);
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        Set<Cast> patternBindings = new HashSet<>();
        for (JavaCodeUnit unit : origin.getCodeUnits()) {
            for (InstanceofCheck check : unit.getInstanceofChecks()) {
                if (isForeignVariant(origin, check.getRawType().getName())) {
                    events.add(SimpleConditionEvent.violated(check, unit.getFullName() + " checks instanceof <"
                            + check.getRawType().getName() + "> in " + check.getSourceCodeLocation()));
                    patternBindings.add(new Cast(unit.getName(), check.getRawType().getName(), check.getLineNumber()));
                }
            }
        }
        for (Cast cast : casts(origin)) {
            // `x instanceof Variant v` also compiles to a cast on the same line: one violation is enough.
            if (isForeignVariant(origin, cast.target()) && !patternBindings.contains(cast)) {
                events.add(SimpleConditionEvent.violated(origin, origin.getName() + "." + cast.method()
                        + " casts to <" + cast.target() + "> in (" + origin.getSource()
                        .flatMap(source -> source.getFileName()).orElse(origin.getSimpleName()) + ":"
                        + cast.line() + ")"));
            }
        }
    }

    private boolean isForeignVariant(JavaClass origin, String target) {
        int dot = target.lastIndexOf('.');
        String targetPackage = dot < 0 ? "" : target.substring(0, dot);
        if (!outcomePackages.contains(targetPackage) || targetPackage.equals(origin.getPackageName())) {
            return false;
        }
        try {
            Class<?> type = Class.forName(target, false, SealedOutcomeInspections.class.getClassLoader());
            return !type.isInterface() && Arrays.stream(type.getInterfaces()).anyMatch(Class::isSealed);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(origin.getName() + " refers to " + target + ", which is not on the"
                    + " class path", e);
        }
    }

    private record Cast(String method, String target, int line) {
    }

    private static List<Cast> casts(JavaClass origin) {
        if (origin.getSource().isEmpty()) {
            return List.of();
        }
        List<Cast> casts = new ArrayList<>();
        try (InputStream in = origin.getSource().get().getUri().toURL().openStream()) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new CastFinder(name, casts);
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin.getName(), e);
        }
        return casts;
    }

    /** Records each {@code checkcast} but the one javac inserts after a call that returns an erased generic. */
    private static final class CastFinder extends MethodVisitor {
        private final String method;
        private final List<Cast> casts;
        private int line;
        private boolean afterErasedCall;

        CastFinder(String method, List<Cast> casts) {
            super(Opcodes.ASM9);
            this.method = method;
            this.casts = casts;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.CHECKCAST && !afterErasedCall) {
                casts.add(new Cast(method, Type.getObjectType(type).getClassName(), line));
            }
            afterErasedCall = false;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            afterErasedCall = Type.getReturnType(descriptor).getDescriptor().equals("Ljava/lang/Object;");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            afterErasedCall = false;
        }

        @Override
        public void visitInsn(int opcode) {
            afterErasedCall = false;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            afterErasedCall = false;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            afterErasedCall = false;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            afterErasedCall = false;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            afterErasedCall = false;
        }

        @Override
        public void visitLdcInsn(Object value) {
            afterErasedCall = false;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            afterErasedCall = false;
        }
    }
}
