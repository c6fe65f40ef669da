package com.example.orders;

import java.util.Map;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.stereotype.Service;

/** Answers "where is my order?" questions for the shop's chat widget, using Spring AI. */
@Service
public class SupportAgent {

    private static final String SYSTEM_PROMPT = """
            You are the order-status assistant of Northwind Outdoor, an online shop for camping gear.
            Answer only questions about orders, deliveries and returns.
            Use the order details you are given; never promise a delivery date that is not in them.
            If the order is late by more than five days, apologise once and offer to open a ticket.
            Keep answers under 80 words and end with a question only if you need more information.
            """;

    private final ChatClient chatClient;
    private final OrderRepository orders;

    public SupportAgent(ChatClient.Builder builder, OrderRepository orders) {
        this.chatClient = builder
                .defaultSystem(SYSTEM_PROMPT)
                .defaultOptions(OpenAiChatOptions.builder()
                        .model("gpt-4o")
                        .maxTokens(250)
                        .temperature(0.2)
                        .build())
                .build();
        this.orders = orders;
    }

    public String answer(String customerId, String question) {
        Order order = orders.latestFor(customerId);
        if (order == null) {
            return "I could not find an order on your account. Could you share the order number?";
        }
        return chatClient.prompt()
                .user(u -> u.text("""
                        Order {number}: status {status}, shipped {shippedOn}, carrier {carrier}.
                        Customer question: {question}
                        """)
                        .params(Map.of(
                                "number", order.number(),
                                "status", order.status(),
                                "shippedOn", String.valueOf(order.shippedOn()),
                                "carrier", order.carrier(),
                                "question", question)))
                .call()
                .content();
    }

    public record Order(String number, String status, java.time.LocalDate shippedOn, String carrier) {}

    public interface OrderRepository {
        Order latestFor(String customerId);
    }
}
