import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, authorizationHeader, setApiKey } from '../shared/apiKey.js';
import './playground.css';

/**
 * The playground: GraphiQL over this API, bundled and served by the API itself so that it works on
 * a network with no internet. The Examples panel lists the analyst operations of docs/queries/.
 */

interface Example {
  /** File name without .graphql, e.g. nato-to-apt31-path. */
  name: string;
  /** The file's first comment line. */
  title: string;
  query: string;
}

type Fetcher = Parameters<typeof GraphiQL>[0]['fetcher'];

const fetcher: Fetcher = async (params, options) => {
  // The session's key, unless the Headers tab gives an Authorization of its own.
  const headers: Record<string, string> = { ...(options?.headers as Record<string, string> | undefined) };
  const ownAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ownAuthorization ? {} : authorizationHeader()), ...headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

function ExamplesPanel({ examples }: { examples: Example[] }) {
  const editors = useEditorContext();
  const open = (example: Example): void => {
    // Into the current tab, variables cleared: the tab's title follows the operation name.
    editors?.queryEditor?.setValue(example.query);
    editors?.variableEditor?.setValue('');
    // Set now: GraphiQL would otherwise pick it up from the editor only after its debounce, and a
    // quick run would still send the previous operation's name.
    const operationName = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(example.query)?.[1];
    if (operationName) editors?.setOperationName(operationName);
  };
  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="examples-hint">Analyst questions from docs/queries. Click one, then run it (Ctrl-Enter).</p>
      <ul>
        {examples.map((example) => (
          <li key={example.name}>
            <button type="button" data-example={example.name} onClick={() => open(example)}>
              <strong>{example.name}</strong>
              <span>{example.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="examples-hint">
        <a href="/explore">Graph view →</a>
      </p>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d="M5 4h14v16H5z M8 8h8 M8 12h8 M8 16h5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** The API key field: kept for the browser session (shared with the graph view), for servers where reads need one. */
function KeyBar() {
  const [key, setKey] = useState(apiKey());
  return (
    <form className="keybar" onSubmit={(event) => event.preventDefault()}>
      <label>
        API key{' '}
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          placeholder="for servers that need one"
          value={key}
          onChange={(event) => {
            setKey(event.target.value);
            setApiKey(event.target.value);
          }}
        />
      </label>
      <span className="keybar-hint">
        {key
          ? 'Sent as Authorization: Bearer with every request, until this tab is closed.'
          : 'Needed for writes, and for reads on servers that require a key (AUTH_REQUIRE_KEY_FOR_READS).'}
      </span>
      <a href="/explore">Graph view</a>
    </form>
  );
}

/**
 * With the Examples panel open, three panes share the width: the panel gets a quarter and the query
 * editor more than the response (GraphiQL's defaults are a third, and half each). Written to
 * GraphiQL's own storage only when the person has not dragged the panes yet, so dragging still wins.
 */
function widenEditor(): void {
  try {
    if (localStorage.getItem('graphiql:docExplorerFlex') === null) localStorage.setItem('graphiql:docExplorerFlex', '0.28');
    if (localStorage.getItem('graphiql:editorFlex') === null) localStorage.setItem('graphiql:editorFlex', '1.6');
  } catch {
    // No storage: GraphiQL's defaults.
  }
}

function Playground() {
  const [examples, setExamples] = useState<Example[] | null>(null);
  useEffect(() => {
    fetch('/playground/examples.json')
      .then((response) => response.json() as Promise<Example[]>)
      .then(setExamples, () => setExamples([]));
  }, []);
  if (examples === null) return <div className="loading">Loading the playground…</div>;
  const plugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: () => <ExamplesPanel examples={examples} /> };
  return (
    <>
      <KeyBar />
      <GraphiQL
        fetcher={fetcher}
        plugins={[plugin]}
        visiblePlugin={plugin}
        defaultQuery={examples[0]?.query ?? '{ health { database { version } } }'}
        // The documentation explorer reads the schema by introspection, like any GraphQL client.
        shouldPersistHeaders={false}
      />
    </>
  );
}

widenEditor();
createRoot(document.getElementById('playground')!).render(<Playground />);
