package example;

public final class Hello {
    private Hello() {}
}
