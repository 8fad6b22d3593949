import { render, Text, useApp, useInput } from 'ink';

function App() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return <Text>gocoffee-drill · home</Text>;
}

export async function renderApp(): Promise<number> {
  const instance = render(<App />);
  await instance.waitUntilExit();
  return 0;
}
