/**
 * The HTML shell both webview panels share: strict CSP with a per-load nonce, styles and scripts only from
 * media/ (turned into webview URIs), no remote content. Each panel supplies its title, assets and body.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** A fresh script nonce: the CSP allows only scripts carrying it. */
export function nonce(): string {
  return randomBytes(16).toString('base64');
}

/** Webview options that run scripts and load local resources from media/ only. */
export function mediaWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

export interface WebviewShellOptions {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  title: string;
  /** Stylesheets, as paths under media/ (e.g. `shared/webview.css`), linked in this order. */
  styles: readonly string[];
  /** Scripts, as paths under media/, loaded in this order with the nonce. */
  scripts: readonly string[];
  /** The markup inside <body> shown until the first script draws. */
  body: string;
}

export function webviewShell({ webview, extensionUri, title, styles, scripts, body }: WebviewShellOptions): string {
  const scriptNonce = nonce();
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...file.split('/'))).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  const links = styles.map((file) => `<link rel="stylesheet" href="${asset(file)}">\n`).join('');
  const scriptTags = scripts.map((file) => `<script nonce="${scriptNonce}" src="${asset(file)}"></script>\n`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}<title>${title}</title>
</head>
<body>
${body}
${scriptTags}</body>
</html>`;
}
