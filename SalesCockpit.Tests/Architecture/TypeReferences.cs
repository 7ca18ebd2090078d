using Mono.Cecil;

namespace SalesCockpit.Tests.Architecture;

/// <summary>A type of the app by its full name and namespace (a full name alone does not say where the namespace ends).</summary>
public sealed record AppType(string FullName, string Namespace)
{
    public override string ToString() => FullName;
}

/// <summary>One type of the app using another: in a signature, field, base type, attribute or method body.</summary>
public sealed record TypeReference(AppType From, AppType To);

/// <summary>
/// Reads every type reference out of a compiled assembly with Mono.Cecil. Nested types (closures, async state
/// machines, a Razor component's render fragments) count as their outermost type, so a reference from a lambda
/// is charged to the class that wrote it.
/// </summary>
public static class TypeReferences
{
    /// <param name="assemblyPath">the compiled app.</param>
    /// <param name="frameworkDirectories">where the framework assemblies are: attribute arguments of an enum type
    /// from another assembly can only be read by loading that assembly.</param>
    public static IReadOnlyList<TypeReference> In(string assemblyPath, IEnumerable<string> frameworkDirectories)
    {
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assemblyPath)!);
        foreach (var directory in frameworkDirectories)
        {
            resolver.AddSearchDirectory(directory);
        }
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
        var found = new HashSet<TypeReference>();
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            foreach (var used in UsedBy(type))
            {
                var to = Outermost(used);
                if (to != from && used.Scope == module)
                {
                    found.Add(new TypeReference(from, to));
                }
            }
        }
        return [.. found.OrderBy(r => r.From.FullName, StringComparer.Ordinal).ThenBy(r => r.To.FullName, StringComparer.Ordinal)];
    }

    private static AppType Outermost(Mono.Cecil.TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return new AppType(type.FullName, type.Namespace);
    }

    private static List<Mono.Cecil.TypeReference> UsedBy(TypeDefinition type)
    {
        var used = new List<Mono.Cecil.TypeReference>();
        void Add(Mono.Cecil.TypeReference? reference) => Flatten(reference, used);
        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(
                    attribute.Properties.Concat(attribute.Fields).Select(named => named.Argument)))
                {
                    Add(argument.Type);
                    if (argument.Value is Mono.Cecil.TypeReference typeArgument)
                    {
                        Add(typeArgument);
                    }
                }
            }
        }
        void AddMethod(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }
            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }
        foreach (var parameter in type.GenericParameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                Add(constraint.ConstraintType);
            }
        }
        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }
        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }
        foreach (var @event in type.Events)
        {
            Add(@event.EventType);
        }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
            {
                AddAttributes(parameter);
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case Mono.Cecil.TypeReference operandType:
                        Add(operandType);
                        break;
                    case MethodReference operandMethod:
                        AddMethod(operandMethod);
                        break;
                    case FieldReference operandField:
                        Add(operandField.DeclaringType);
                        Add(operandField.FieldType);
                        break;
                    case CallSite callSite:
                        Add(callSite.ReturnType);
                        break;
                    default:
                        break;
                }
            }
        }
        return used;
    }

    // Generic arguments, arrays, pointers and by-refs each name the types inside them.
    private static void Flatten(Mono.Cecil.TypeReference? reference, List<Mono.Cecil.TypeReference> into)
    {
        switch (reference)
        {
            case null:
            case GenericParameter:
                return;
            case GenericInstanceType generic:
                Flatten(generic.ElementType, into);
                foreach (var argument in generic.GenericArguments)
                {
                    Flatten(argument, into);
                }
                return;
            case TypeSpecification specification:
                Flatten(specification.ElementType, into);
                return;
            default:
                into.Add(reference);
                return;
        }
    }
}
