import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentProps, useState } from 'react';
import { useArgs } from 'storybook/preview-api';
import { fn } from 'storybook/test';
import { InferencePanel, type JsonValue, type LanguageId, languageIds } from '../src';

type PanelProps = ComponentProps<typeof InferencePanel>;

/**
 * The panel's props plus its root `data-theme` attribute, which JSX accepts but an object literal
 * typed as PanelProps rejects.
 */
type ThemedPanelProps = PanelProps & { 'data-theme'?: 'light' | 'dark' };

const baseUrl = 'https://app.example.com';
const workloadId = '6650e3b2a1c4d5e6f7081920';
const workloadEndpoint = `${baseUrl}/api/v2/endpoints/workloads/${workloadId}/`;

/** A made-up token with a `dr_tok_` prefix. It grants no access anywhere. */
const fakeToken = 'dr_tok_fake_3f9a1c7e5b2d4a6c8e0f1b3d5a7c9e1f';

/** The same made-up token pasted across two lines, which the panel rejects. */
const tokenWithLineBreak = `${fakeToken.slice(0, 20)}\n${fakeToken.slice(20)}`;

const scoringPayload: JsonValue = {
  input: { text: 'The parcel arrived two days late and the box was damaged.', language: 'en' },
  parameters: { top_k: 3, threshold: 0.25, return_scores: true },
};

/**
 * A JSON text whose `customer_id` is 2^53 + 1. JSON.parse would round it to 9007199254740992,
 * so the panel sends the text as given and writes the integer unchanged into the Python code.
 */
const largeIntegerPayloadText = `{
  "customer_id": 9007199254740993,
  "features": [0.125, 3.5e-8, -42]
}`;

const chatCompletionsPayload: JsonValue = {
  model: 'example-chat-model',
  messages: [
    { role: 'system', content: 'You are a support assistant for a parcel delivery company.' },
    { role: 'user', content: 'My parcel is two days late. What can I do?' },
  ],
  temperature: 0.2,
  max_tokens: 256,
};

/** A JSON text with a trailing comma, which JSON does not allow. */
const invalidJsonPayloadText = '{"input": "Hello",}';

/** The props of a deployed Workload that every story starts from. */
const workload = {
  baseUrl,
  workloadId,
  path: 'predict',
  token: fakeToken,
} satisfies PanelProps;

/**
 * Renders the panel with its language and Show secrets switch stored in the story's args. Clicks
 * in the canvas then update the Controls panel, and edits there update the panel. Storybook hooks
 * such as useArgs work only inside decorators and story functions, so stories call this as their
 * render function and never render it as a JSX element.
 */
function ArgsStatePanel(args: ThemedPanelProps) {
  const [, updateArgs] = useArgs();

  return (
    <InferencePanel
      {...args}
      onLanguageChange={(language) => {
        args.onLanguageChange?.(language);
        updateArgs({ language });
      }}
      onShowSecretsChange={(showSecrets) => {
        args.onShowSecretsChange?.(showSecrets);
        updateArgs({ showSecrets });
      }}
    />
  );
}

const meta = {
  title: 'Components/InferencePanel',
  component: InferencePanel,
  render: ArgsStatePanel,
  args: {
    ...workload,
    language: 'python',
    showSecrets: false,
    onLanguageChange: fn(),
    onShowSecretsChange: fn(),
  },
  argTypes: {
    // Set explicitly, because Storybook infers an object control for a `string | undefined` prop
    // whose arg starts undefined.
    endpoint: { control: 'text' },
    baseUrl: { control: 'text' },
    workloadId: { control: 'text' },
    path: { control: 'text' },
    token: { control: 'text' },
    language: { control: 'inline-radio', options: languageIds },
    showSecrets: { control: 'boolean' },
    payload: { control: 'object' },
    headers: { control: 'object' },
    labels: { control: 'object' },
    // The panel reads the defaults only on its first render, so editing them here changes nothing.
    defaultLanguage: { control: false },
    defaultShowSecrets: { control: false },
    // The Actions panel logs the calls.
    onLanguageChange: { control: false },
    onShowSecretsChange: { control: false },
  },
} satisfies Meta<typeof InferencePanel>;

export default meta;

type Story = StoryObj<typeof meta>;

/** A deployed Workload with its token hidden behind the mask. */
export const Default: Story = {};

export const SecretsRevealed: Story = {
  name: 'Secrets revealed',
  args: { showSecrets: true },
};

/** Without a token, both examples read it from the `API_TOKEN` environment variable. */
export const NoToken: Story = {
  name: 'No token',
  args: { token: undefined },
};

/** A JSON value as the POST body, pretty-printed for cURL and written as a dict for Python. */
export const WithPayload: Story = {
  name: 'With payload',
  args: { payload: scoringPayload },
};

/** A JSON text is sent exactly as given, so the integer past 2^53 keeps all its digits. */
export const PayloadAsJsonText: Story = {
  name: 'Payload as JSON text',
  args: { payload: largeIntegerPayloadText },
  argTypes: { payload: { control: 'text' } },
};

/** An OpenAI-compatible chat completions API served by the Workload. */
export const ChatCompletionsPath: Story = {
  name: 'Chat completions path',
  args: { path: 'chat/completions', payload: chatCompletionsPayload },
};

/** The Workload object's `endpoint` field, its invoke URL, in place of baseUrl and workloadId. */
export const EndpointField: Story = {
  name: 'Endpoint field',
  args: { endpoint: workloadEndpoint, baseUrl: undefined, workloadId: undefined },
};

/** Extra request headers, which both examples send after the headers that the panel sets. */
export const ExtraHeaders: Story = {
  name: 'Extra headers',
  args: { headers: { 'X-Request-Id': 'example-3f9a1c7e', 'Accept-Language': 'en' } },
};

/**
 * Renders the panel with `language` and `showSecrets` kept in the host's own React state, so
 * buttons outside the panel change them as well, and shows the stored values above it.
 */
function PanelWithHostState(props: PanelProps) {
  const [language, setLanguage] = useState<LanguageId>('curl');
  const [showSecrets, setShowSecrets] = useState(true);
  const otherLanguage: LanguageId = language === 'python' ? 'curl' : 'python';

  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <p style={{ margin: 0 }}>
        Host state: <code>language = {JSON.stringify(language)}</code>,{' '}
        <code>showSecrets = {String(showSecrets)}</code>
      </p>
      <div style={{ display: 'flex', gap: '0.5rem' }}>
        <button type="button" onClick={() => setLanguage(otherLanguage)}>
          Show {otherLanguage === 'python' ? 'Python' : 'cURL'}
        </button>
        <button type="button" onClick={() => setShowSecrets(!showSecrets)}>
          {showSecrets ? 'Hide' : 'Show'} the token
        </button>
      </div>
      <InferencePanel
        {...props}
        language={language}
        showSecrets={showSecrets}
        onLanguageChange={(next) => {
          props.onLanguageChange?.(next);
          setLanguage(next);
        }}
        onShowSecretsChange={(next) => {
          props.onShowSecretsChange?.(next);
          setShowSecrets(next);
        }}
      />
    </div>
  );
}

export const ControlledState: Story = {
  name: 'Controlled state',
  render: (args) => <PanelWithHostState {...args} />,
  argTypes: {
    language: { table: { disable: true } },
    showSecrets: { table: { disable: true } },
  },
};

/** The panel keeps its own state, starting from `defaultLanguage` and `defaultShowSecrets`. */
export const UncontrolledState: Story = {
  name: 'Uncontrolled state',
  render: (args) => <InferencePanel {...args} />,
  args: {
    language: undefined,
    showSecrets: undefined,
    defaultLanguage: 'curl',
    defaultShowSecrets: true,
  },
  argTypes: {
    language: { table: { disable: true } },
    showSecrets: { table: { disable: true } },
  },
};

/**
 * The panel's own `data-theme="dark"`, which wins over the page's theme. The page is dark too, so
 * the story looks as it would in a dark host app.
 */
export const DarkTheme: Story = {
  name: 'Dark theme',
  render: (args) => ArgsStatePanel({ ...args, 'data-theme': 'dark' }),
  args: { payload: scoringPayload },
  globals: { theme: 'dark' },
};

export const MissingBaseUrl: Story = {
  name: 'Error: missing base URL',
  args: { baseUrl: undefined },
};

export const FtpBaseUrl: Story = {
  name: 'Error: ftp base URL',
  args: { baseUrl: 'ftp://app.example.com' },
};

export const InvalidJsonPayload: Story = {
  name: 'Error: invalid JSON payload',
  args: { payload: invalidJsonPayloadText },
  argTypes: { payload: { control: 'text' } },
};

export const TokenWithLineBreak: Story = {
  name: 'Error: token with a line break',
  args: { token: tokenWithLineBreak },
};

export const DotSegmentInPath: Story = {
  name: 'Error: dot segment in path',
  args: { path: '../admin/users' },
};

/** A 320 px wide container, the width of a small phone or a narrow side panel. */
export const NarrowContainer: Story = {
  name: 'Narrow container',
  args: { payload: scoringPayload },
  parameters: { canvasMaxWidth: '320px' },
};

/** The states that All states shows, each as an uncontrolled panel with its own state. */
const galleryStates: readonly { title: string; props: ThemedPanelProps }[] = [
  { title: 'Default', props: workload },
  { title: 'Secrets revealed', props: { ...workload, defaultShowSecrets: true } },
  { title: 'No token', props: { ...workload, token: undefined } },
  { title: 'With payload', props: { ...workload, payload: scoringPayload } },
  { title: 'Payload as JSON text', props: { ...workload, payload: largeIntegerPayloadText } },
  {
    title: 'Chat completions path, cURL',
    props: {
      ...workload,
      path: 'chat/completions',
      payload: chatCompletionsPayload,
      defaultLanguage: 'curl',
    },
  },
  {
    title: 'Endpoint field',
    props: { endpoint: workloadEndpoint, path: 'predict', token: fakeToken },
  },
  { title: 'Dark theme', props: { ...workload, 'data-theme': 'dark' } },
  { title: 'Error: missing base URL', props: { ...workload, baseUrl: undefined } },
  { title: 'Error: ftp base URL', props: { ...workload, baseUrl: 'ftp://app.example.com' } },
  { title: 'Error: invalid JSON payload', props: { ...workload, payload: invalidJsonPayloadText } },
  { title: 'Error: token with a line break', props: { ...workload, token: tokenWithLineBreak } },
  { title: 'Error: dot segment in path', props: { ...workload, path: '../admin/users' } },
];

/** Every state side by side, in a grid that fills the page width. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 26rem), 1fr))',
        gap: '1.5rem',
        alignItems: 'start',
      }}
    >
      {galleryStates.map(({ title, props }) => (
        <div key={title} style={{ minWidth: 0 }}>
          <h2 style={{ margin: '0 0 0.5rem', fontSize: '1rem' }}>{title}</h2>
          <InferencePanel {...props} />
        </div>
      ))}
    </div>
  ),
  parameters: { canvasMaxWidth: 'none', controls: { disable: true } },
};
