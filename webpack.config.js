/* eslint-disable no-undef */
/**
 * Webpack build for the task pane and the ribbon command file (layout of Microsoft's React
 * task-pane template). `npm run build` writes dist/ with the production URL in the manifest;
 * `npm run dev-server` serves https://localhost:3000 with the Office dev certificates.
 *
 * The first chunk holds React, Fluent UI and the pane; everything heavy (the pipeline, exceljs,
 * highs) is reached through dynamic import() and lands in async chunks. A small plugin prints the
 * gzip size of what each page loads first and fails a production build above INITIAL_GZIP_LIMIT.
 */
const path = require("node:path");
const zlib = require("node:zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { LicenseWebpackPlugin } = require("license-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PROD_URL = withSlash(process.env.PMO_ADDIN_URL || "https://pmo-register.example.com/");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const INITIAL_GZIP_LIMIT = 300 * 1024;

function withSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

/**
 * What the pane really does, and nothing more: scripts from itself and the office.js CDN,
 * WebAssembly for HiGHS, Griffel's runtime <style> tags, workers from itself or a blob, images
 * from itself or data: URLs. office.js fetches its host-specific scripts and strings from the CDN.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** Prints gzip sizes of each entry's initial files; in production, fails the build above the limit. */
class InitialChunkBudgetPlugin {
  constructor(limit, enforce) {
    this.limit = limit;
    this.enforce = enforce;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InitialChunkBudgetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "InitialChunkBudgetPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compilation),
      );
    });
  }
  report(compilation) {
    {
      const lines = [];
      for (const [name, entry] of compilation.entrypoints) {
        let total = 0;
        const parts = [];
        for (const file of entry.getFiles().filter((f) => f.endsWith(".js"))) {
          const asset = compilation.getAsset(file);
          const gzip = zlib.gzipSync(asset.source.buffer(), { level: 9 }).length;
          total += gzip;
          parts.push(`${file} ${(gzip / 1024).toFixed(1)} KB`);
        }
        lines.push(`  ${name}: ${(total / 1024).toFixed(1)} KB gzip initial (${parts.join(", ")})`);
        if (this.enforce && total > this.limit) {
          compilation.errors.push(
            new webpack.WebpackError(
              `Entry "${name}" loads ${(total / 1024).toFixed(1)} KB gzip before first paint; the budget is ` +
                `${this.limit / 1024} KB. Move heavy code behind a dynamic import().`,
            ),
          );
        }
      }
      const asyncFiles = [];
      for (const chunk of compilation.chunks) {
        if (chunk.canBeInitial()) continue;
        for (const file of chunk.files) {
          if (!file.endsWith(".js")) continue;
          const gzip = zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length;
          asyncFiles.push(`${file} ${(gzip / 1024).toFixed(1)} KB`);
        }
      }
      if (asyncFiles.length > 0) lines.push(`  lazy: ${asyncFiles.join(", ")}`);
      // stderr keeps the sizes apart from webpack-cli's own stats on stdout.
      process.stderr.write(`Initial chunk sizes (gzip, level 9):\n${lines.join("\n")}\n`);
    }
  }
}

/**
 * exceljs ships a minified browser build (dist/exceljs.min.js, ~925 KB); running Terser over it
 * again took most of the production build's time for no gain. Its chunk is marked as minimized,
 * which Terser honours, so only our code and the other packages are minified.
 */
class SkipPreMinifiedPlugin {
  constructor(chunkNames) {
    this.chunkNames = new Set(chunkNames);
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SkipPreMinifiedPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SkipPreMinifiedPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const chunk of compilation.chunks) {
            if (!this.chunkNames.has(chunk.name)) continue;
            for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // exceljs's package.json points browsers at its self-contained build (dist/exceljs.min.js,
      // with its own stream/buffer shims), so no Node polyfills are needed for it. Anything else
      // that names a Node built-in gets an empty module rather than a failed build.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, module: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // esnext modules keep import() as import() so webpack can split; tsconfig's
            // commonjs (for Jest and tsx) would turn it into require() and undo the split.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
        // HiGHS's WebAssembly binary (`import wasmUrl from "highs/runtime"`) as a plain file.
        { test: /\.wasm$/, type: "asset/resource", generator: { filename: "assets/[name].[contenthash:8][ext]" } },
      ],
    },
    plugins: [
      // HiGHS's loader reaches for node:module only when it runs under Node.
      new webpack.IgnorePlugin({ resourceRegExp: /^node:(module|fs|path|url|worker_threads)$/ }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { csp: CSP, officeJs: OFFICE_JS },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { csp: CSP, officeJs: OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : Buffer.from(content.toString().replaceAll(DEV_URL, PROD_URL));
            },
          },
        ],
      }),
      new LicenseWebpackPlugin({
        outputFilename: "third-party-licenses.txt",
        perChunkOutput: false,
        stats: { warnings: false },
      }),
      new InitialChunkBudgetPlugin(INITIAL_GZIP_LIMIT, !dev),
      new SkipPreMinifiedPlugin(["exceljs"]),
    ],
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // Its own chunk: cached across releases of our code, and skipped by Terser (see above).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
      // license-webpack-plugin cannot see the packages inside a scope-hoisted (concatenated) module,
      // so with concatenation on, the notices missed every Fluent UI package. Costs ~11 KB gzip.
      concatenateModules: false,
    },
  };

  if (serving) {
    // Only the dev server needs the certificates; asking for them during a build would try to
    // install a CA on the build machine.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: { directory: path.resolve(__dirname, "dist") },
    };
  }
  return config;
};
