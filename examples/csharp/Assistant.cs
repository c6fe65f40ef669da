using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OpenAI.Chat;

namespace Contoso.Hr;

/// <summary>Answers employee questions about HR policies, using the OpenAI .NET SDK.</summary>
public sealed class PolicyAssistant
{
    private const string SystemPrompt =
        "You are Contoso's HR policy assistant. Answer questions about leave, expenses, remote work " +
        "and benefits using only the policy excerpt provided. Quote the policy section number you " +
        "relied on. If the excerpt does not answer the question, tell the employee to contact hr@contoso.com.";

    private readonly ChatClient _client;

    public PolicyAssistant(string apiKey)
    {
        _client = new ChatClient(model: "gpt-4.1-mini", apiKey: apiKey);
    }

    public async Task<string> AnswerAsync(string employeeCountry, string policyExcerpt, string question)
    {
        List<ChatMessage> messages =
        [
            new SystemChatMessage(SystemPrompt),
            new UserChatMessage($"Employee country: {employeeCountry}\n\nPolicy excerpt:\n{policyExcerpt}\n\nQuestion: {question}"),
        ];

        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = 400,
            Temperature = 0.1f,
        };

        ChatCompletion completion = await _client.CompleteChatAsync(messages, options);
        Console.WriteLine($"policy answer used {completion.Usage.TotalTokenCount} tokens");
        return completion.Content[0].Text;
    }
}
