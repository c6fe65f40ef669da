// Command commitmsg suggests a commit message for the staged diff, using go-openai.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

const systemPrompt = `You write git commit messages in the Conventional Commits style.
Rules:
- First line: type(scope): summary, at most 72 characters, imperative mood.
- Then a blank line and a short body explaining why, wrapped at 72 characters.
- Do not describe every file; describe the intent of the change.
- If the diff mixes unrelated changes, say so in the body.`

const maxDiffBytes = 20000

func stagedDiff() (string, error) {
	out, err := exec.Command("git", "diff", "--staged").Output()
	if err != nil {
		return "", fmt.Errorf("git diff: %w", err)
	}
	diff := string(out)
	if len(diff) > maxDiffBytes {
		diff = diff[:maxDiffBytes] + "\n[diff truncated]"
	}
	return diff, nil
}

func suggest(ctx context.Context, client *openai.Client, branch, diff string) (string, error) {
	resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:     "gpt-4o-mini",
		MaxTokens: 200,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: systemPrompt},
			{Role: openai.ChatMessageRoleUser, Content: fmt.Sprintf("Branch: %s\n\nStaged diff:\n%s", branch, diff)},
		},
	})
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(resp.Choices[0].Message.Content), nil
}

func main() {
	diff, err := stagedDiff()
	if err != nil {
		log.Fatal(err)
	}
	if diff == "" {
		fmt.Fprintln(os.Stderr, "nothing staged")
		os.Exit(1)
	}
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	msg, err := suggest(context.Background(), client, os.Getenv("GIT_BRANCH"), diff)
	if err != nil {
		log.Fatalf("suggest: %v", err)
	}
	fmt.Println(msg)
}
