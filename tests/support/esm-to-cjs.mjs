// Jest (on Node 20) cannot require() an ES module; a CommonJS dependency that requires one
// (@fastify/static requires content-disposition 3) gets that module rewritten to CommonJS here.
import ts from 'typescript';

export default {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true } });
    return { code: outputText };
  },
};
