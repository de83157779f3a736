import FAIControl

/// `xsfai template-set`: set parameters of a template with xe's names.
typealias TemplateSetCommand = ParamSetCommand<TemplateParameters>

/// What `template-set` changes: templates.
enum TemplateParameters: ParamSetTarget {
    static var kind: TargetKind { .template }
}
