package io.trestle.example.browser;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in form ({@code resources/index.html}), seen the way a visitor uses it. */
final class LoginPage {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final WebDriver driver;

    private LoginPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens {@code /} (plus {@code query}, when not empty) and waits for the script to be ready. */
    static LoginPage open(WebDriver driver, URI base, String query) {
        driver.get(base.resolve(query.isEmpty() ? "/" : "/?" + query).toString());
        return expect(driver);
    }

    /** The form as the current page, once its script has run. */
    static LoginPage expect(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.id("login-form")).size() == 1
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return new LoginPage(driver);
    }

    WebElement username() {
        return driver.findElement(By.id("username"));
    }

    WebElement password() {
        return driver.findElement(By.id("password"));
    }

    WebElement submitButton() {
        return driver.findElement(By.id("submit"));
    }

    WebElement message() {
        return driver.findElement(By.id("form-message"));
    }

    /** Types both fields (an empty value leaves a field empty) and presses Enter in the password. */
    void signIn(String user, String secret) {
        username().clear();
        password().clear();
        if (!user.isEmpty()) {
            username().sendKeys(user);
        }
        password().sendKeys(secret + Keys.ENTER);
    }

    /** Waits until the live region says {@code text}, and returns it. */
    String awaitMessage(String text) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "the form's message should become \"" + text + "\" but is \"" + message().getText() + "\"")
                .until(ExpectedConditions.textToBePresentInElement(message(), text));
        return message().getText();
    }

    /** The id of the element that has the keyboard focus. */
    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }
}
