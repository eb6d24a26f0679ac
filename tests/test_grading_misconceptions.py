"""Well-known misconceptions are caught on ad hoc questions that bring none of their own.

Every entry of ``interview/grading/data/misconceptions.toml`` has one row in ``CASES``: an ad
hoc question on its subject, a confident wrong answer (flagged, scored at most 2), an honest
answer and an answer that rejects the myth (neither flagged). The precision tests run every
entry, on its own subject, over answers known to be correct: the question bank's reference
answers, the shared ds-theory references, the well-graded answers of the labelled sets and the
honest answers of ``CASES``; a hit there would tell a correct candidate they are wrong.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from interview.grading import OfflineGrader
from interview.grading.adhoc import question_from_record
from interview.grading.common_misconceptions import (
    CommonMisconception,
    asserted_common,
    load_common,
    topic_stems,
)
from interview.grading.text import Analysed, analyse, clean
from interview.grading.vocab import TopicProfile, topic_profile
from interview.models import Flag
from interview.questions import load_bank

ROOT = Path(__file__).resolve().parents[1]
DS_THEORY = ROOT.parent / "shared" / "benchmarks" / "ds-theory-qa.jsonl"
LABELLED = (ROOT / "benchmarks" / "data" / "devset.jsonl",
            ROOT / "benchmarks" / "data" / "holdout.jsonl")
# A labelled answer graded this high is correct; no misconception may be found in it.
WELL_GRADED = 4

GRADER = OfflineGrader()
L1_L2 = question_from_record(
    "reg", "What is the difference between L1 and L2 regularisation?",
    key_points=["L1 gives sparse weights", "L2 shrinks weights smoothly", "lasso and ridge",
                "penalty added to the loss", "choose by cross-validation"],
)
P_VALUE = question_from_record(
    "p", "What is a p-value, and what does it not tell you?",
    reference_answer="The p-value is the probability of data at least as extreme as observed "
    "if the null hypothesis were true. It is not the probability that the null is true, and "
    "it says nothing about effect size.",
)
SCALING = question_from_record(
    "scale", "When does feature scaling matter, and which methods would you use?",
    reference_answer="Scaling matters for distance-based models such as kNN and SVMs and for "
    "gradient descent. Trees do not need it. Use standardisation or min-max scaling, fitted "
    "on the training data only.",
)


class Case(NamedTuple):
    """One entry of the list exercised: an ad hoc question and three answers to it."""

    key: str
    question: str
    wrong: str
    right: str
    rejects: str


CASES: list[Case] = [
    # ---- the first entries of the list ----
    Case("l2-sparse", "What is the difference between L1 and L2 regularisation?",
         "L2 is the one that gives sparse models: it pushes small weights to exactly zero, "
         "while L1 only shrinks them. So for feature selection you use ridge.",
         "L1 (lasso) can set weights exactly to zero and so selects features, whereas L2 "
         "(ridge) shrinks all weights smoothly towards zero. Both add a penalty to the loss.",
         "It is a myth that L2 gives sparse weights: ridge shrinks them, and only L1 sets some "
         "exactly to zero."),
    Case("pvalue-null-true", "What does a p-value tell you in hypothesis testing?",
         "The p-value is the probability that the null hypothesis is true. So p = 0.03 means "
         "a 97% chance that our hypothesis is correct.",
         "The p-value is the probability of seeing data at least as extreme as ours if the "
         "null hypothesis were true. A small one is evidence against the null.",
         "It is wrong to say the p-value is the probability that the null hypothesis is true."),
    Case("accuracy-imbalanced",
         "How would you evaluate a classifier on a heavily imbalanced fraud dataset?",
         "After SMOTE the classes are 50/50, so accuracy is now a meaningful metric for the "
         "balanced data. I would report accuracy and stop there.",
         "With rare positives, accuracy rewards predicting the majority class, so I would use "
         "precision, recall and PR-AUC on the original class balance.",
         "The idea that accuracy is a good metric for imbalanced data is a myth."),
    Case("resample-before-split",
         "How would you handle a heavily imbalanced classification problem with SMOTE?",
         "I'd apply SMOTE to the whole dataset first so it is 50/50, then split into train and "
         "test. That gives the model plenty of minority examples everywhere.",
         "I split first and apply SMOTE only inside the training folds, so the test set keeps "
         "the real class balance.",
         "Applying SMOTE to the whole dataset and then splitting is a mistake: synthetic "
         "copies leak into the test set."),
    Case("trees-need-scaling",
         "When does feature scaling matter, and which methods would you use?",
         "Scaling is needed for every model, especially decision trees and random forests, so "
         "I always min-max scale before training XGBoost.",
         "Scaling matters for kNN, SVMs and gradient descent; trees split on one feature at a "
         "time, so monotonic rescaling leaves them unchanged.",
         "Saying that scaling is required for decision trees and random forests is wrong."),
    Case("correlation-causation", "What is the difference between correlation and causation?",
         "If two metrics are strongly correlated, that proves one causes the other. So ice "
         "cream sales drive sunburn.",
         "Correlation measures association; a confounder such as hot weather can drive both "
         "ice cream sales and sunburn, so causal claims need an experiment or a causal design.",
         "The claim that correlation implies causation is false: confounders can create it."),
    Case("overfitting-too-simple", "What is overfitting and how do you detect it?",
         "Overfitting happens when the model is too simple to capture the data. More data "
         "will always fix it, so I just collect more.",
         "Overfitting is when a flexible model fits noise in the training data: training "
         "error is low and validation error much higher. Regularisation and early stopping "
         "help.",
         "It is a myth that overfitting comes from a model that is too simple; that is "
         "underfitting."),
    Case("precision-recall-swapped",
         "What are precision and recall, and when would you favour one over the other?",
         "Precision measures how many of the actual positives the model managed to find, and "
         "recall is the share of the model's positive predictions that were correct. For "
         "cancer screening you want high precision.",
         "Precision is the share of predicted positives that are truly positive; recall is the "
         "share of actual positives the model finds. Screening favours recall.",
         "It is wrong to say precision is the share of actual positives the model finds; that "
         "is recall."),
    Case("forest-boosting-swapped", "How do random forests and gradient boosting differ?",
         "A random forest builds its trees one after another, each tree correcting the last. "
         "Gradient boosting trains its trees in parallel and takes a majority vote.",
         "A random forest grows independent deep trees on bootstrap samples and averages them; "
         "gradient boosting adds shallow trees sequentially, each fitting the current "
         "residuals.",
         "It is a mistake to think a random forest builds its trees one after another."),
    Case("drop-missing-rows", "How do you deal with missing values in a dataset?",
         "Just drop all rows with missing values, that's the cleanest way. Imputing is "
         "basically making up data.",
         "First check why values are missing; then impute with statistics fitted on the "
         "training data, add missing indicators, or use a model that handles them natively.",
         "To just drop all rows with missing values is a mistake when the data are not "
         "missing at random."),
    Case("timeseries-shuffle", "How would you validate a forecasting model on time-series data?",
         "I shuffle the rows first, then run ordinary 5-fold cross-validation so every fold "
         "sees all seasons. That gives the most stable estimate.",
         "I use forward-chaining splits: train on the past, validate on the period that "
         "follows, and roll the origin forward several times.",
         "You should never shuffle the rows first and then run k-fold, because the model would "
         "train on the future."),
    Case("leakage-privacy", "What is data leakage, and how can it happen?",
         "Leakage is when customers' personal data gets out of the company, for example "
         "through a public bucket. You prevent it with encryption.",
         "Leakage is information in training that would be unavailable at prediction time, "
         "such as a target-derived feature or a scaler fitted on all the data; it inflates "
         "offline scores.",
         "Leakage in ML is not about personal data or a security breach."),
    Case("auc-accuracy", "What does the ROC AUC of a classifier tell you?",
         "AUC is the accuracy of the model at the 0.5 threshold, so 0.8 means 80% correct. An "
         "AUC of 0 is the worst possible model.",
         "ROC AUC is the probability that a random positive is ranked above a random negative; "
         "0.5 is random ranking and values near 1 separate the classes well.",
         "It is wrong that AUC is the accuracy of the model; it measures ranking."),
    Case("kmeans-supervised", "How does k-means clustering work, and how do you choose k?",
         "k-means is a supervised algorithm where the k nearest neighbours vote on the label. "
         "You choose k by cross-validation.",
         "k-means is unsupervised: it alternates assigning points to the nearest centroid and "
         "moving centroids to the mean of their points. Choose k with the elbow method.",
         "k-means is not a supervised method; it clusters unlabelled points."),
    Case("dropout-permanent", "What does dropout do in a neural network?",
         "Dropout permanently removes the least important neurons after training. It is "
         "mainly a compression technique for phones.",
         "During training dropout zeroes a random subset of units at each step, which acts as "
         "a regulariser; at inference all units are used.",
         "It is a misconception that dropout permanently removes neurons."),
    Case("pca-selects-features", "What is PCA and when would you use it?",
         "PCA selects the most important original features by ranking them by correlation "
         "with the target. It keeps the columns interpretable.",
         "PCA builds new features as linear combinations of all the original ones, along "
         "orthogonal directions of maximum variance, without using the target.",
         "The idea that PCA selects and ranks the original features is wrong."),
    Case("logistic-rounding",
         "Why use logistic regression instead of linear regression for a binary outcome?",
         "Logistic regression is basically linear regression where you round the output to "
         "0 or 1. It is fitted by least squares the same way.",
         "Logistic regression models the log-odds as a linear function and maps them through "
         "the sigmoid to a probability; it is fitted by maximum likelihood.",
         "It is wrong to call logistic regression linear regression with rounding."),
    Case("vanishing-learning-rate",
         "What is the vanishing gradient problem and how is it addressed?",
         "It happens when the learning rate is too small, so the gradient vanishes. The fix "
         "is to increase the learning rate tenfold.",
         "Gradients shrink as they are multiplied back through many layers with small "
         "derivatives, such as saturated sigmoids; residual connections, ReLU and careful "
         "initialisation help.",
         "A learning rate that is too small does not make gradients vanish."),
    # ---- statistics and experimentation ----
    Case("type-errors-swapped",
         "What is the difference between a Type I and a Type II error in hypothesis testing?",
         "A Type I error is failing to reject the null when it is false, so you miss a real "
         "effect. A Type II error is a false positive, which is what alpha controls.",
         "A Type I error rejects a true null hypothesis (a false positive, at rate alpha); a "
         "Type II error fails to reject a false null (a false negative, at rate beta).",
         "Saying a Type I error is a false negative is a common mistake."),
    Case("pvalue-effect-size",
         "What does a small p-value tell you about an effect in hypothesis testing?",
         "A very low p-value indicates a large effect, so p = 0.001 means the new feature has "
         "a big impact. The smaller the p-value, the more important the change.",
         "A small p-value says the data would be unusual if the null were true; with a large "
         "sample even a tiny effect gets one, so I also report the effect size.",
         "It is a misconception that a small p-value means a large effect."),
    Case("pvalue-chance-result", "How do you interpret the p-value of a hypothesis test?",
         "The p-value is the probability that the result is due to chance. With p = 0.02 "
         "there is only a 2% chance our uplift was luck.",
         "Assuming the null hypothesis is true, the p-value is the probability of a result at "
         "least as extreme as the one observed; a small value is evidence against the null.",
         "The p-value is not the probability that the result is due to chance."),
    Case("ci-contains-data", "How do you interpret a 95% confidence interval?",
         "A 95% confidence interval contains 95% of the observations in the sample. So if the "
         "interval for basket size is 20 to 40, most customers spend in that range.",
         "A 95% confidence interval comes from a procedure that captures the true parameter "
         "in 95% of repeated samples; it describes uncertainty about the mean.",
         "A 95% confidence interval does not contain 95% of the data; that is a prediction "
         "interval."),
    Case("ci-probability-parameter",
         "What does a 95% confidence interval for a conversion rate mean?",
         "It means there is a 95% chance that the true conversion rate lies within this "
         "interval. So for 2.1% to 2.9% we can be sure the real rate is in that range.",
         "If we repeated the experiment many times, 95% of the intervals built this way would "
         "contain the true conversion rate; this particular interval either contains it or "
         "it does not.",
         "It is a common mistake to say there is a 95% probability that the true mean lies in "
         "this interval."),
    Case("sample-size-false-positives",
         "How does sample size affect the false positive rate of an experiment?",
         "Bigger samples increase the risk of false positives, because with more users noise "
         "looks significant. So I keep experiments small.",
         "Alpha fixes the false positive rate regardless of sample size; a larger sample "
         "increases power, so smaller true effects become detectable.",
         "It is a myth that a larger sample size increases the false positive rate."),
    Case("power-definition", "What is statistical power in an experiment?",
         "Statistical power is the probability of making a Type I error. In other words "
         "power equals 1 minus alpha, so with alpha 0.05 our power is 95%.",
         "Power is the probability of detecting a true effect of a given size, one minus "
         "beta; it grows with sample size, effect size and alpha.",
         "It is wrong that power equals 1 minus alpha; it is 1 minus beta."),
    Case("multiple-testing", "What problems arise from testing many metrics in one experiment?",
         "Each of the 20 metrics is tested at 0.05, so the overall false positive rate is "
         "still 5%. Any metric that comes out significant is a real win.",
         "With 20 independent metrics at alpha 0.05 the chance of at least one false positive "
         "is about 64%, so I pre-register a primary metric and apply Holm to the rest.",
         "It is a myth that the overall false positive rate stays at 5% when you test many "
         "metrics."),
    Case("clt-data-normal", "What does the central limit theorem say?",
         "The central limit theorem says that with a large sample the data itself becomes "
         "normally distributed. So once we have 10,000 users their session lengths are normal.",
         "The central limit theorem says the sampling distribution of the sample mean "
         "approaches a normal distribution as n grows, whatever the shape of the population, "
         "provided the variance is finite.",
         "The central limit theorem does not say the data themselves become normal; the mean "
         "does."),
    Case("sd-vs-se", "What is the difference between standard deviation and standard error?",
         "The standard error measures the spread of the individual data points around the "
         "mean. The standard deviation gets smaller as you collect more data.",
         "The standard deviation describes how individual observations vary and stays roughly "
         "stable as the sample grows; the standard error, SD over root n, describes the "
         "precision of the sample mean and shrinks with more data.",
         "It is wrong that the standard deviation shrinks with more data; the standard error "
         "does."),
    Case("zero-correlation-independence",
         "If two variables have zero correlation, are they independent?",
         "Yes, zero correlation means the two variables are independent. A correlation of 0 "
         "implies they are unrelated.",
         "Zero correlation only rules out a linear relationship: y = x squared on symmetric x "
         "has zero correlation but complete dependence. Independence implies zero "
         "correlation, but the converse fails.",
         "The belief that zero correlation means the variables are independent is a myth."),
    Case("correlation-slope", "What does the Pearson correlation coefficient measure?",
         "The correlation coefficient tells you the slope of the line, so r = 0.9 means y "
         "rises steeply with x. A correlation of 0.5 explains 50% of the variance.",
         "Pearson's r measures the strength and direction of a linear relationship between "
         "-1 and 1; the slope is r times sd_y over sd_x, and r squared is the share of "
         "variance explained.",
         "It is a misconception that the correlation coefficient measures the slope."),
    Case("ab-peeking", "How long should you run an A/B test?",
         "Watch the dashboard daily and stop the test as soon as the p-value drops below "
         "0.05. That way a winning variant ships quickly.",
         "Decide the sample size up front with a power analysis for the smallest effect you "
         "care about, run full weekly cycles, and read the result once that sample is reached.",
         "Stopping the test as soon as the p-value drops below 0.05 is a mistake, because "
         "peeking inflates false positives."),
    Case("ab-no-randomisation", "How would you set up an A/B test for a new checkout flow?",
         "You don't need to randomise anything for this. You can let users choose the new "
         "checkout version with an opt-in banner and compare them with everyone else.",
         "I would randomly assign users to control and treatment with a hash of the user id, "
         "check the split with an A/A test, and compare conversion between the groups.",
         "It is wrong to think you don't need to randomise; self-selected users differ."),
    Case("r-squared-range", "What is R-squared and what values can it take?",
         "R-squared is always between 0 and 1, because it is a proportion of explained "
         "variance. Values near 1 are good.",
         "R-squared is 1 minus the ratio of residual to total sum of squares; on held-out data "
         "it becomes negative whenever the model does worse than predicting the mean.",
         "It is a myth that R-squared can never be negative; on test data it often is."),
    Case("r-squared-causal", "How should you interpret a high R-squared in a regression?",
         "A high R-squared proves that the features cause the outcome, since they explain "
         "most of its variance. With R² = 0.9 the effects are real.",
         "A high R-squared means the fitted line explains much of the variance in this sample; "
         "confounding or a misspecified form can coexist with it.",
         "Saying a high R-squared proves causation is wrong."),
    Case("r-squared-features",
         "What happens to R-squared when you add more features to a regression?",
         "Adding a weak feature lowers the R-squared, because the noise drags the fit down. "
         "So R-squared falls as the model grows.",
         "On the training data R-squared can only stay the same or go up as features are "
         "added, so I compare models with adjusted R-squared or on a validation set.",
         "It is false that adding a feature lowers the R-squared on the training data."),
    Case("mean-median-outliers", "Which is more robust to outliers, the mean or the median?",
         "The mean is more robust to outliers because it uses every data point. The median "
         "is very sensitive to outliers.",
         "The median is more robust: one extreme value can drag the mean arbitrarily far, "
         "while the median barely moves, so for skewed income data I report the median.",
         "It is wrong that the mean is robust to outliers; a single extreme value moves it."),
    Case("standardise-makes-normal",
         "What does standardisation do to a feature's distribution?",
         "Standardisation transforms the feature into a normal distribution with mean 0 and "
         "variance 1. That is why we z-score skewed features.",
         "Standardisation subtracts the mean and divides by the standard deviation: the "
         "feature gets mean 0 and variance 1 but keeps its shape, skew and outliers.",
         "Standardisation does not make the data normal; it only shifts and rescales."),
    Case("base-rate",
         "A screening test is 99% accurate; using Bayes, how likely is disease after a "
         "positive result?",
         "If the test is 99% accurate and you test positive, there is a 99% chance you have "
         "the disease. The accuracy tells you directly how much to trust a positive.",
         "It depends on the base rate: with 1% prevalence the true positives and the false "
         "alarms are about equal in number, so a positive is right only about half the time.",
         "A 99% accurate test does not mean a positive result gives a 99% chance of disease."),
    Case("mutually-exclusive-independent",
         "Are mutually exclusive events independent in probability?",
         "Yes. Rolling a 1 and rolling a 6 on the same die are mutually exclusive events, so "
         "they are also independent. Their probabilities simply multiply.",
         "Mutually exclusive events with positive probabilities are dependent: if one "
         "happens, the other's probability drops to zero, while independence needs P(A and B) "
         "= P(A)P(B).",
         "It is a mistake to say mutually exclusive events are independent."),
    Case("gamblers-fallacy",
         "A fair coin landed heads ten times in a row; what is the probability of tails next?",
         "After a streak of ten heads, tails is now more likely, because things even out. I "
         "would bet on tails.",
         "The coin has no memory: each toss is independent, so tails still has probability "
         "0.5.",
         "The idea that after ten heads tails is more likely is a myth."),
    Case("bootstrap-information", "What does bootstrapping do in statistics?",
         "Bootstrapping increases the sample size by creating new observations from the ones "
         "we have. That gives the model more information to learn from.",
         "The bootstrap resamples the observed data with replacement many times and "
         "recomputes a statistic on each resample, which estimates its standard error.",
         "It is a misconception that bootstrapping increases the sample size."),
    Case("likelihood-probability", "What is the likelihood in maximum likelihood estimation?",
         "The likelihood is the probability of the parameters given the data. MLE picks the "
         "parameters that are most probable after seeing the data.",
         "The likelihood is P(data | theta) viewed as a function of theta; maximum likelihood "
         "picks the theta that makes the observed data most probable.",
         "It is wrong to say the likelihood is the probability of the parameters given the "
         "data."),
    Case("nonsignificant-no-effect",
         "Our A/B test result was not significant; what can we conclude from this hypothesis "
         "test?",
         "A non-significant result proves there is no effect of the new design. We should "
         "drop it and move on.",
         "A non-significant result means the data are compatible with no effect but also with "
         "modest effects; I would look at the confidence interval and the power.",
         "A non-significant result does not prove there is no effect; it may lack power."),
    Case("ci-overlap",
         "Two variants have overlapping 95% confidence intervals; is the difference "
         "significant?",
         "Their confidence intervals overlap, so the difference is insignificant. We can "
         "treat the variants as equal.",
         "Overlap of two 95% intervals is a poor test: the difference can still be "
         "significant, so I compute the confidence interval of the difference itself.",
         "It is a myth that if confidence intervals overlap then the difference is "
         "non-significant."),
    Case("outliers-always-remove", "How should you handle outliers in a dataset?",
         "Always remove the outliers before training, since they distort every model. "
         "Anything beyond three standard deviations gets deleted.",
         "First find out why a value is extreme: fix or drop data-entry errors, but keep "
         "genuine extremes such as large orders and use capping or a robust loss.",
         "You should not always remove the outliers, because some are the most important "
         "cases."),
    Case("selection-bias-sample-size", "Does a larger survey sample fix selection bias?",
         "Yes, a bigger sample fixes selection bias, because the errors average out. With a "
         "million respondents the estimate is reliable.",
         "A larger sample only makes the estimate more precise; if the sampling frame "
         "excludes people, I fix the design or reweight by known population margins.",
         "It is a myth that a larger sample fixes selection bias."),
    Case("average-of-averages",
         "How do you combine per-country average conversion rates into an overall average?",
         "Just take the average of the country rates: the mean of the rates is the overall "
         "rate. That is how the dashboard does it.",
         "Add up conversions and visitors across countries and divide; equivalently, weight "
         "each country's rate by its traffic.",
         "It is wrong that the average of the rates equals the overall rate, because "
         "countries differ in size."),
    # ---- machine learning ----
    Case("bias-variance-swapped", "Explain the bias-variance trade-off.",
         "High bias means the model is overfitting, because it is biased towards the training "
         "data. High variance indicates underfitting, when the model is too simple.",
         "High bias means underfitting: a too simple model misses the pattern on training and "
         "validation data. High variance means overfitting: the model fits noise.",
         "It is a common mistake to say high bias means overfitting; it means underfitting."),
    Case("bias-variance-dataset", "What is the bias-variance trade-off?",
         "It is a trade-off between how biased the dataset is and how much variance the "
         "features have. If the data has more men than women you get high bias.",
         "Bias is error from overly simple assumptions and variance is error from sensitivity "
         "to the training sample; more flexible models lower bias but raise variance.",
         "The bias-variance trade-off is not about biased data or the variance of the "
         "features."),
    Case("generative-discriminative",
         "What is the difference between generative and discriminative models?",
         "Logistic regression is a typical generative model, because it gives you class "
         "probabilities. Naive Bayes is discriminative since it just draws a boundary.",
         "A generative model learns the joint distribution p(x, y), as naive Bayes or a "
         "Gaussian mixture does, whereas a discriminative model such as logistic regression "
         "learns p(y | x) directly.",
         "It is wrong that logistic regression is a generative model."),
    Case("knn-training", "How does k-nearest neighbours work, and what happens in training?",
         "During training kNN learns a set of weights for each feature with gradient descent. "
         "Prediction is then a quick weighted sum.",
         "kNN stores the training set; at prediction time it computes distances to the stored "
         "points, takes the k nearest and votes or averages their labels.",
         "It is a myth that kNN learns weights during training; it just stores the data."),
    Case("knn-scaling", "Do you need to scale features for k-nearest neighbours?",
         "kNN doesn't need feature scaling because it just compares points directly. Raw "
         "units are fine.",
         "Yes: kNN uses distances, so a feature measured in thousands would dominate one "
         "measured in units; I standardise features, fitting the scaler on the training data.",
         "It is wrong that kNN doesn't need feature scaling; distances depend on units."),
    Case("more-features-always-help",
         "How does the curse of dimensionality affect k-nearest neighbours?",
         "Adding more features always improves the model, because it has more information. "
         "So I give kNN every column we have.",
         "In high dimensions distances between points become similar, so nearest neighbours "
         "stop being meaningful; I select or reduce features and check validation accuracy.",
         "It is a myth that more features always help; irrelevant ones add noise."),
    Case("kmeans-finds-k", "How do you choose the number of clusters for k-means clustering?",
         "k-means automatically finds the right number of clusters as it converges. You just "
         "run it and read k off the result.",
         "k is an input: I run k-means for a range of k, compare the elbow of the "
         "within-cluster sum of squares and silhouette scores, and check the clusters make "
         "business sense.",
         "k-means does not find the number of clusters automatically; you set k."),
    Case("kmeans-shapes", "What kinds of clusters can k-means clustering find?",
         "k-means handles clusters of any shape, including rings and long curved groups. It "
         "adapts its centroids to the data.",
         "k-means assigns each point to the nearest centroid, so it finds compact, roughly "
         "spherical clusters of similar size; for rings I would use DBSCAN.",
         "It is wrong that k-means handles clusters of any shape."),
    Case("kmeans-global-optimum", "Does k-means clustering always find the best clustering?",
         "Yes, k-means is guaranteed to find the global optimum because each step lowers the "
         "within-cluster distance. Running it once is enough.",
         "Each k-means step lowers the within-cluster sum of squares, so it converges, but to "
         "a local optimum that depends on the starting centroids; I use k-means++ and "
         "restarts.",
         "k-means is not guaranteed to find the global optimum; restarts help."),
    Case("underfitting-more-data", "How do you fix underfitting?",
         "Underfitting is solved by collecting more training data, so the model sees more "
         "examples. I would double the dataset first.",
         "Underfitting means the model is too simple even for the training data, so I add "
         "capacity: more informative features, a more flexible model or weaker "
         "regularisation.",
         "More data does not fix underfitting; a more flexible model does."),
    Case("validation-equals-test", "Why do we need separate validation and test sets?",
         "The validation set is just another name for the test set. Libraries use the two "
         "words for the same held-out split.",
         "The validation set is used up by tuning and model selection, so its score is "
         "optimistic; the untouched test set gives the final unbiased estimate.",
         "It is wrong that the validation set is the same as the test set."),
    Case("tuning-on-test", "How should you tune hyperparameters without overfitting the test set?",
         "I tune the hyperparameters against the test set and keep whichever setting scores "
         "best there. Then I report that score.",
         "I tune with cross-validation on the training data or a separate validation set, and "
         "evaluate on the test set only once at the end.",
         "It is a mistake to tune the hyperparameters on the test set."),
    Case("regularisation-variance", "How does regularisation affect bias and variance?",
         "Regularisation increases the variance of the model, because it adds an extra term "
         "to the loss. It makes the model more flexible.",
         "Regularisation penalises large weights, which adds some bias but reduces variance, "
         "so it helps when the model overfits.",
         "It is false that regularisation increases variance; it reduces it."),
    Case("learning-rate-larger-faster",
         "How do you choose the learning rate for gradient descent?",
         "A higher learning rate always converges faster, so I set it as high as the GPU "
         "allows. Big steps reach the minimum sooner.",
         "I run a learning-rate range test and pick a value just below where the loss starts "
         "to diverge, then add warm-up and decay.",
         "It is a myth that a higher learning rate always converges faster."),
    Case("trees-need-one-hot", "How should you encode categorical features for a random forest?",
         "Random forests need one-hot encoding for every categorical column. Integer codes "
         "would confuse the trees.",
         "Trees can split on ordinal or integer codes, and for high-cardinality columns target "
         "encoding or native categorical support in LightGBM usually beats one-hot.",
         "It is a myth that random forests need one-hot encoding; integer codes work."),
    Case("boosting-variance", "What is the difference between bagging and boosting?",
         "Boosting mainly reduces variance by averaging many trees. Bagging mainly reduces "
         "bias because each model corrects the previous one.",
         "Bagging trains models independently on bootstrap samples and averages them, which "
         "mainly reduces variance; boosting trains models sequentially on the remaining "
         "errors, which mainly reduces bias.",
         "It is wrong that boosting mainly reduces variance; it mainly reduces bias."),
    Case("random-forest-never-overfits", "Can a random forest overfit?",
         "Random forests cannot overfit because they average many trees. You can grow the "
         "trees as deep as you like.",
         "Yes: a forest of very deep trees can memorise noise in small or noisy data, so I "
         "tune max_depth, min_samples_leaf and max_features against validation scores.",
         "It is a myth that random forests cannot overfit; deep trees on noisy data do."),
    Case("naive-bayes-dependent", "What assumption does naive Bayes make?",
         "Naive Bayes assumes that the features are highly correlated, which is why it works "
         "well on text. It models the interactions between words.",
         "It assumes the features are conditionally independent given the class, so the class "
         "likelihood is a product of per-feature terms.",
         "It is wrong that naive Bayes assumes the features are correlated."),
    Case("svm-margin", "How does a support vector machine choose its decision boundary?",
         "The SVM minimises the margin so that the boundary hugs the data tightly. The "
         "support vectors are the points farthest from the boundary.",
         "It picks the hyperplane with the largest margin to the nearest points of each "
         "class; those nearest points are the support vectors.",
         "An SVM does not minimise the margin; it maximises it."),
    Case("pca-supervised", "Is PCA a supervised or unsupervised method?",
         "PCA is a supervised method: it uses the labels to find the components that best "
         "separate the classes.",
         "PCA is unsupervised: it finds directions of maximum variance without looking at "
         "labels; LDA is the supervised alternative that separates classes.",
         "It is wrong to say PCA is a supervised method."),
    Case("pca-scaling", "Should you standardise features before PCA?",
         "PCA doesn't need any scaling, because it only looks at correlations between "
         "features. I run it on the raw columns.",
         "Yes, unless the features share a meaningful common unit: PCA follows variance, so a "
         "feature in large units would dominate the first components.",
         "It is a myth that PCA doesn't need scaling; large-unit features dominate."),
    Case("tsne-distances", "How should you read a t-SNE plot?",
         "In t-SNE the distances between clusters show how different the groups are, and big "
         "cluster sizes reflect big segments. It preserves the global structure.",
         "t-SNE keeps close neighbours together, so it is useful for spotting groups, but the "
         "sizes and spacing of clusters change with perplexity and seed.",
         "It is a myth that t-SNE preserves global structure."),
    Case("roc-vs-pr-imbalance",
         "Which curve would you use to evaluate a classifier on heavily imbalanced data?",
         "ROC AUC is the more informative choice for heavily imbalanced data because it is "
         "insensitive to class balance. I would ignore the PR curve.",
         "With rare positives I prefer the precision-recall curve and average precision, "
         "because ROC AUC is inflated by the many easy true negatives.",
         "It is a myth that ROC AUC is more informative for imbalanced data."),
    Case("f1-mean", "What is the F1 score?",
         "F1 is the simple average of precision and recall, (P + R) / 2. It balances the two "
         "equally.",
         "F1 is the harmonic mean of precision and recall, 2PR / (P + R), so it is low "
         "whenever either of them is low.",
         "F1 is not the arithmetic mean of precision and recall; it is the harmonic mean."),
    Case("multicollinearity-target", "What is multicollinearity in linear regression?",
         "Multicollinearity is when the features are strongly correlated with the target. "
         "That makes the model very confident.",
         "Multicollinearity is strong correlation among the predictors themselves, so one is "
         "nearly a linear combination of others; I check it with variance inflation factors.",
         "Multicollinearity is not about features being correlated with the target."),
    Case("multicollinearity-accuracy", "How does multicollinearity affect a regression model?",
         "Multicollinearity ruins the predictive accuracy of the model, so predictions become "
         "unreliable. You must always drop correlated features first.",
         "It inflates the standard errors of the coefficients, which become unstable and can "
         "flip sign, while predictions on similar data usually stay fine.",
         "Multicollinearity does not hurt predictive accuracy much; it hurts interpretation."),
    Case("mse-robust", "Which loss is more robust to outliers, MSE or MAE?",
         "MSE is more robust to outliers, because squaring smooths the errors out. MAE is very "
         "sensitive to outliers.",
         "MAE is more robust: squaring lets a few large residuals dominate MSE, so with "
         "outliers I prefer MAE or the Huber loss.",
         "It is wrong that MSE is more robust to outliers than MAE."),
    Case("log-loss", "How does log loss score a classifier's predictions?",
         "Log loss treats all mistakes equally. It only checks whether each prediction is "
         "right.",
         "Log loss averages minus the log of the probability given to the true class, so a "
         "confident error costs far more than a hesitant one.",
         "It is a misconception that log loss treats all mistakes equally."),
    Case("threshold-fixed", "How do you choose the decision threshold for a classifier?",
         "The threshold must always be 0.5, because the model outputs probabilities. "
         "Changing the threshold is cheating.",
         "I pick the threshold on validation data from the precision-recall curve and the "
         "cost of each error, after checking the probabilities are calibrated.",
         "It is wrong that the threshold must be 0.5; choose it from the costs."),
    Case("gd-global-min",
         "Does gradient descent find the global minimum when training a neural network?",
         "Yes, gradient descent always finds the global minimum if you train long enough. "
         "Local minima only matter for bad initialisation.",
         "Neural-network losses are non-convex, so gradient descent settles in a local minimum "
         "or flat region that depends on initialisation and learning rate.",
         "It is false that gradient descent always finds the global minimum on a neural "
         "network."),
    Case("label-encoding-nominal",
         "How would you encode a nominal categorical feature such as city for logistic "
         "regression?",
         "Label encoding is perfect for logistic regression: city 1, city 2, city 3 as one "
         "numeric column. It keeps the data compact.",
         "I would one-hot encode the cities, or target-encode them if there are many, because "
         "integer codes would impose a fake order that a linear model takes literally.",
         "It is a myth that label encoding is fine for logistic regression."),
    Case("preprocess-before-split",
         "When should you fit the scaler relative to the train/test split?",
         "Fit the scaler on the whole dataset first, then split, so both sets share the same "
         "statistics. It keeps the features consistent.",
         "Split first, fit the scaler on the training set only, and apply that fitted scaler "
         "to the validation and test sets, ideally inside a pipeline.",
         "Fitting the scaler on the whole dataset before splitting is a mistake."),
    Case("feature-importance-causal", "What do SHAP values tell you about a model?",
         "SHAP values show the causal effect of each feature on the outcome. If income has a "
         "big SHAP value, raising income will raise the real outcome.",
         "SHAP values split a prediction into additive contributions of the features, "
         "describing what the model relies on, including proxies.",
         "It is wrong that SHAP values show the causal effect of a feature."),
    Case("softmax-multilabel", "Which output activation should you use for multi-label "
         "classification?",
         "Use a softmax over all labels for multi-label classification, so the probabilities "
         "sum to one. Then pick every label above 0.3.",
         "For multi-label tasks I use an independent sigmoid per label with binary "
         "cross-entropy, because one example can have several labels at once.",
         "You should not use a softmax for multi-label classification."),
    Case("coef-importance", "Can you rank features by their coefficients in a linear regression?",
         "Yes, the largest coefficient means the most important feature, whatever its units. "
         "So price in cents beats price in euros.",
         "Only after standardising the features, and even then correlated features share "
         "weight; otherwise I use permutation importance on validation data.",
         "It is wrong that the largest coefficient is the most important feature when "
         "features have different units."),
    Case("logreg-binary-only", "Can logistic regression handle more than two classes?",
         "Logistic regression can only handle binary problems. For three classes you need a "
         "different model altogether.",
         "Yes: multinomial logistic regression uses a softmax over the classes, and "
         "one-vs-rest fits one binary model per class.",
         "It is a myth that logistic regression can only handle binary problems."),
    Case("decision-tree-regression", "Can decision trees be used for regression?",
         "Decision trees can only be used for classification, because each leaf holds a "
         "class label. For numeric targets you need linear regression.",
         "Yes: a regression tree predicts the mean target of the training rows in each leaf "
         "and chooses splits that reduce squared error.",
         "It is false that decision trees can only be used for classification."),
    Case("tree-split-criterion", "How does a decision tree choose where to split?",
         "At each node the tree picks the split with the lowest information gain, so the "
         "leaves stay mixed. Gini impurity is maximised at every split.",
         "At each node it tries candidate thresholds and picks the split with the largest "
         "information gain, that is, the biggest drop in Gini impurity or entropy.",
         "It is wrong that the tree picks the split with the lowest information gain."),
    Case("rf-features-per-split", "How does a random forest decorrelate its trees?",
         "In a random forest every split considers all the features, and the randomness "
         "comes only from bootstrapping rows. That is enough to make the trees different.",
         "Each tree is grown on a bootstrap sample, and at each split only a random subset of "
         "features is considered, which decorrelates the trees.",
         "It is a misconception that in a random forest each split considers all the "
         "features."),
    Case("lasso-correlated", "How does lasso behave with highly correlated features?",
         "Lasso keeps all of the correlated features and spreads the weight evenly between "
         "them. That is why it is stable on collinear data.",
         "Lasso tends to keep one feature of a correlated group and set the others to zero, "
         "and which one it keeps can change between samples.",
         "It is wrong that lasso keeps all of the correlated features; it usually picks one."),
    Case("specificity-precision",
         "What is the difference between sensitivity, specificity and precision?",
         "Specificity is the same as precision: both tell you how many flagged cases are "
         "real. Sensitivity is another name for specificity.",
         "Sensitivity (recall) is TP / (TP + FN), specificity is TN / (TN + FP), and "
         "precision is TP / (TP + FP), the share of positive predictions that are right.",
         "It is wrong that specificity is the same as precision."),
    Case("fp-fn-swapped", "What is the difference between a false positive and a false negative?",
         "A false positive is when the model misses a real case, such as a fraud it fails to "
         "flag. A false negative is when the model flags a legitimate transaction.",
         "A false positive is a negative case predicted as positive, a false alarm; a false "
         "negative is a positive case the model misses, such as an undetected fraud.",
         "It is a mistake to say a false positive is when the model misses a real case."),
    Case("threshold-recall-direction",
         "What happens to precision and recall when you raise the decision threshold?",
         "Raising the threshold increases recall, because the model becomes more careful. "
         "Lowering it raises precision.",
         "A higher threshold labels fewer cases positive, so precision usually goes up and "
         "recall goes down; lowering it does the opposite.",
         "It is wrong that raising the threshold increases recall; recall falls."),
    Case("boosting-learning-rate-trees",
         "How do the learning rate and the number of trees interact in gradient boosting?",
         "A smaller learning rate needs fewer trees, since each tree is more precise. So I "
         "combine a low rate with about 50 trees.",
         "Each tree's contribution is scaled by the learning rate, so a smaller rate needs "
         "more trees to fit the same signal; I tune both with early stopping.",
         "It is false that a smaller learning rate needs fewer trees; it needs more."),
    Case("kernel-trick", "What is the kernel trick in SVMs?",
         "The kernel trick explicitly computes the high-dimensional features for every point "
         "and then fits a linear SVM on them. That is why RBF kernels are slow.",
         "A kernel function returns the inner product of two points in a feature space "
         "directly, so the SVM works in that space implicitly, even an infinite-dimensional "
         "one for RBF.",
         "It is a misconception that the kernel trick explicitly computes the mapped "
         "features."),
    Case("dbscan-k", "What parameters does DBSCAN need?",
         "DBSCAN needs you to specify the number of clusters, like k-means. You also give it "
         "a distance metric.",
         "DBSCAN needs eps, the neighbourhood radius, and min_samples; clusters emerge from "
         "dense regions and sparse points are labelled noise.",
         "It is wrong that DBSCAN needs the number of clusters."),
    Case("mean-imputation-variance",
         "What are the downsides of mean imputation for missing values?",
         "Mean imputation preserves the variance and the correlations of the data, so it has "
         "hardly any downside. It is the safe default.",
         "Mean imputation keeps the mean but shrinks the variance and weakens correlations, "
         "so I add a missing indicator or use iterative imputation fitted on training data.",
         "It is wrong that mean imputation preserves the variance; it shrinks it."),
    Case("timeseries-random-split",
         "How should you split time-series data into train and test sets for forecasting?",
         "A random train-test split is fine for time-series data as long as it is 80/20. For "
         "forecasting, just use a random split with a fixed seed.",
         "Split by time: train on the earlier period and test on the later one, using "
         "forward-chaining folds so every validation period comes after its training data.",
         "It is a myth that a random split is fine for time-series data."),
    Case("stationarity", "What does it mean for a time series to be stationary?",
         "Stationary means the values don't change over time, so the series is a flat line. "
         "Any series that wiggles is non-stationary.",
         "A weakly stationary series has constant mean, variance and autocorrelation over "
         "time, while its values still fluctuate; I check with ADF or KPSS tests.",
         "It is a myth that stationarity just means there is no trend."),
    Case("collaborative-filtering",
         "How does collaborative filtering handle new users in a recommender?",
         "Collaborative filtering handles new users well, because it compares them with "
         "similar users right away. It relies on the item descriptions to find matches.",
         "Collaborative filtering learns from the user-item interaction matrix, so a brand-new "
         "user is a cold-start problem; I fall back on popularity or content-based features.",
         "It is wrong that collaborative filtering handles new users well."),
    # ---- deep learning ----
    Case("batchnorm-inference", "How does batch normalisation behave at inference time?",
         "At inference, batch norm computes the mean and variance of the current batch and "
         "normalises with them. So predictions depend on what else is in the batch.",
         "During training it normalises with mini-batch statistics and keeps running "
         "averages; at inference it uses those stored running mean and variance.",
         "It is a mistake to think that at inference batch norm uses the current batch's "
         "statistics."),
    Case("batchnorm-preprocessing", "What does a batch normalization layer do?",
         "Batch norm is just input preprocessing: it standardises the dataset once before "
         "training. After that the network runs as usual.",
         "It normalises the activations feeding a layer with the mini-batch mean and "
         "variance, then applies a learned scale and shift, and it is trained with the network.",
         "Saying batch norm is just data preprocessing is wrong; it is a layer."),
    Case("dropout-inference", "How does dropout behave at inference time?",
         "Dropout stays active at inference too, so every prediction randomly drops units. "
         "That noise is what makes the model robust.",
         "Dropout is only applied during training; at inference all units are used, and "
         "inverted dropout has already rescaled the activations during training.",
         "It is wrong that dropout stays active at inference."),
    Case("relu-vanishing", "How do activation functions affect vanishing gradients?",
         "ReLU causes vanishing gradients because it outputs zero for negative inputs. "
         "Switching to sigmoid fixes the problem.",
         "Sigmoid and tanh saturate, and their small derivatives multiply through the layers "
         "into vanishing gradients; ReLU has gradient one for positive inputs.",
         "It is a myth that ReLU causes vanishing gradients; saturating sigmoids do."),
    Case("transformer-sequential", "How does a transformer process an input sentence?",
         "A transformer reads the tokens one at a time, left to right, carrying a hidden "
         "state like an LSTM. Attention is a kind of recurrent layer.",
         "Self-attention compares every token with every other token in parallel, with "
         "positional encodings supplying order; only text generation is sequential.",
         "It is wrong that a transformer reads the tokens one at a time like an RNN."),
    Case("positional-encoding", "Why do transformers need positional encodings?",
         "Self-attention already knows the word order from the sequence, so transformers need "
         "no positional encoding. It is an optional extra.",
         "Self-attention treats its input as a set, so shuffling tokens gives the same scores; "
         "positional encodings (sinusoidal, learned or rotary) inject the order.",
         "It is a myth that self-attention already knows the word order."),
    Case("embeddings-one-hot", "What are word embeddings?",
         "Word embeddings are sparse one-hot vectors, one dimension per word in the "
         "vocabulary. The embedding size equals the vocabulary size.",
         "They are learned dense vectors, typically 100 to 1,000 dimensions, placed so that "
         "words used in similar contexts end up close together.",
         "It is wrong that embeddings are sparse one-hot vectors."),
    Case("large-batch-generalisation", "How does batch size affect training and generalisation?",
         "Larger batches always generalise better, because the gradient is more accurate. So "
         "I use the biggest batch that fits in memory.",
         "Larger batches give smoother gradients and better hardware use, but with the same "
         "epochs they often generalise worse unless the learning rate is rescaled.",
         "It is a myth that larger batches always generalise better."),
    Case("adam-no-tuning", "Does the Adam optimizer need hyperparameter tuning?",
         "Adam needs no tuning at all, because it adapts the learning rate by itself. It "
         "always beats SGD.",
         "Adam adapts per-parameter step sizes, but the base learning rate, weight decay and "
         "sometimes beta2 still need tuning, and tuned SGD with momentum can generalise better.",
         "It is a myth that Adam needs no tuning; the learning rate still matters."),
    Case("cnn-invariance", "Are convolutional neural networks rotation invariant?",
         "Yes, CNNs are naturally rotation-invariant because the filters slide over the whole "
         "image. They recognise rotated objects without augmentation.",
         "Convolutions are translation equivariant; robustness to rotation or scale comes "
         "from data augmentation or special architectures.",
         "It is false that CNNs are naturally rotation-invariant."),
    Case("conv-parameters",
         "Why do convolutional layers need fewer parameters than fully connected layers?",
         "Actually convolutional layers have more parameters than a dense layer, because every "
         "filter covers the whole image. That is why CNNs are so heavy.",
         "A convolution reuses one small kernel at every position, so its weights depend on "
         "kernel size and channels, while a dense layer needs one weight per input-output pair.",
         "It is wrong that convolutional layers have more parameters than a dense layer."),
    Case("deeper-always-better", "Should you always make a neural network deeper?",
         "Yes, deeper networks always perform better, since every extra layer adds capacity. "
         "Depth is free accuracy.",
         "Depth adds capacity but also overfitting risk and optimisation trouble; I increase "
         "it while validation error improves and use residual connections.",
         "It is a myth that deeper networks always perform better."),
    Case("zero-initialisation", "How should you initialise the weights of a neural network?",
         "Initialise all the weights to zero, which is the standard choice, so training starts "
         "neutral. The gradients then sort things out.",
         "Use small random values scaled to the layer size, such as He initialisation for "
         "ReLU or Xavier for tanh, to break the symmetry between units.",
         "It is wrong that initialising all the weights to zero is fine; the units stay "
         "identical."),
    Case("epoch-definition", "What is the difference between an epoch and an iteration?",
         "An epoch is one mini-batch update of the weights, and an iteration is a full pass "
         "over the data. So one epoch is quick.",
         "An epoch is one full pass over the training set; an iteration is one gradient "
         "update on one mini-batch, so an epoch holds about N / B iterations.",
         "It is wrong that an epoch is one mini-batch update."),
    Case("validation-below-training", "Why might validation loss be lower than training loss?",
         "Validation loss can never be lower than training loss, so if it is, the data must "
         "have leaked. It means the pipeline is broken.",
         "Dropout and other regularisation are active only during training, and the training "
         "loss is averaged over an epoch while the model was still improving.",
         "It is a myth that validation loss can never be lower than training loss."),
    Case("overfit-training-loss", "How do you detect overfitting from learning curves?",
         "Overfitting is when the training loss starts going up after many epochs. Early "
         "stopping watches the training loss and stops when it rises.",
         "In overfitting the training loss keeps falling while the validation loss bottoms "
         "out and rises; early stopping monitors the validation loss.",
         "It is wrong that overfitting is when the training loss goes up."),
    # ---- SQL and data engineering ----
    Case("left-join-matches",
         "What is the difference between a LEFT JOIN and an INNER JOIN in SQL?",
         "A LEFT JOIN returns only the rows that match in both tables. An INNER JOIN returns "
         "all rows from both tables.",
         "A LEFT JOIN keeps every row of the left table and fills NULLs where the right table "
         "has no match; an INNER JOIN keeps only rows that match in both.",
         "It is wrong that a LEFT JOIN returns only matching rows."),
    Case("join-row-count", "How can a join change the number of rows in SQL?",
         "Joining orders to customers never changes the number of rows, because a join only "
         "attaches columns. So after the join I sum revenue directly.",
         "If the key repeats on the right side, each left row matches several rows and is "
         "duplicated, so I check key uniqueness and row counts before and after the join.",
         "It is a mistake to assume a join never changes the number of rows."),
    Case("where-having", "What is the difference between WHERE and HAVING in SQL?",
         "WHERE filters the groups after the GROUP BY, and HAVING filters individual rows "
         "before grouping. They are interchangeable for simple queries.",
         "WHERE filters rows before they are grouped and cannot use aggregates, while HAVING "
         "filters groups after aggregation, for example HAVING COUNT(*) > 10.",
         "It is wrong to say WHERE filters after the GROUP BY; it filters rows first."),
    Case("count-null",
         "What is the difference between COUNT(*) and COUNT(column) with NULL values in SQL?",
         "COUNT(*) skips rows with NULLs, while COUNT(column) includes the NULL values. So "
         "COUNT(*) is the smaller number.",
         "COUNT(*) counts every row, NULLs included, while COUNT(column) counts only rows "
         "where that column is not NULL.",
         "It is wrong that COUNT(*) skips rows with NULLs."),
    Case("null-equals-null", "How does SQL compare NULL values?",
         "NULL = NULL is true, so WHERE col = NULL finds all the missing rows. That is the "
         "usual way to filter them.",
         "Any comparison with NULL, including NULL = NULL, yields UNKNOWN, so I filter with "
         "IS NULL or IS NOT NULL.",
         "It is a myth that NULL = NULL is true in SQL."),
    Case("union-vs-union-all", "What is the difference between UNION and UNION ALL in SQL?",
         "UNION keeps all the duplicates and UNION ALL removes them. So UNION ALL is slower.",
         "UNION removes duplicate rows, which costs a sort or hash, while UNION ALL keeps "
         "every row and is cheaper.",
         "It is wrong that UNION keeps the duplicates; UNION ALL does."),
    Case("partitioning-indexing",
         "What is the difference between partitioning and indexing a table?",
         "Partitioning is basically the same as an index: both just make lookups faster. I "
         "use them interchangeably.",
         "Partitioning splits a table into physical pieces by a key such as date so queries "
         "can skip whole partitions, while an index is a separate structure that points to "
         "rows.",
         "It is wrong that partitioning is the same as indexing."),
    Case("oltp-olap", "What is the difference between OLTP and OLAP systems?",
         "OLTP databases are optimised for analytics and large aggregations over history. "
         "OLAP systems are built for many small transactions.",
         "OLTP databases handle many small concurrent reads and writes of current rows, while "
         "OLAP warehouses are column-oriented for large scans and aggregations.",
         "It is wrong that OLTP databases are optimised for analytics."),
    Case("idempotent-meaning", "What does it mean for a data pipeline to be idempotent?",
         "Idempotent means the pipeline runs quickly and only processes new data. It is about "
         "speed.",
         "Running it twice with the same input gives the same result as running it once, "
         "with no duplicates, which makes retries and backfills safe.",
         "It is wrong that idempotent means the job runs fast."),
    Case("kafka-exactly-once", "What delivery guarantees does Kafka give?",
         "Kafka gives exactly-once delivery by default. Consumers can count every message as "
         "unique.",
         "Out of the box you get at-least-once delivery; exactly-once processing needs "
         "idempotent producers, transactions and read_committed consumers.",
         "It is a myth that Kafka gives exactly-once delivery by default."),
    Case("star-schema-normalised", "What is a star schema in a data warehouse?",
         "A star schema is fully normalised, with every dimension split into many small "
         "tables. The snowflake schema is the denormalised one.",
         "A star schema has a central fact table joined to wide, denormalised dimension "
         "tables, which keeps queries simple; a snowflake schema normalises the dimensions "
         "further.",
         "It is wrong that a star schema is fully normalised."),
    Case("parquet-row", "Why is Parquet popular for analytics?",
         "Parquet is a row-oriented format, so it reads whole records quickly. CSV is "
         "columnar.",
         "Parquet stores each column's values together with compression and statistics, so "
         "queries read only the columns and row groups they need.",
         "It is false that Parquet is a row-oriented format."),
    Case("batch-streaming-latency", "How do batch and stream processing differ in latency?",
         "Batch processing has lower latency than streaming, because it handles everything at "
         "once. Streaming is the slow option.",
         "Stream processing handles events as they arrive, giving seconds of latency, while "
         "batch jobs run on a schedule and their results lag by minutes or hours.",
         "It is wrong that batch processing has lower latency than streaming."),
    Case("etl-elt-swapped", "What is the difference between ETL and ELT?",
         "In ELT you transform the data before loading it into the warehouse. ETL loads the "
         "raw data first and transforms it inside the warehouse.",
         "ETL transforms data before loading the cleaned result, while ELT loads raw data "
         "into the warehouse first and transforms it there with SQL.",
         "It is wrong that ELT transforms the data before loading it."),
    Case("data-lake-warehouse", "What is the difference between a data lake and a data warehouse?",
         "A data lake is basically the same as a data warehouse, just cheaper. Both require "
         "schema-on-write.",
         "A data lake keeps raw files of any format and applies a schema on read, while a "
         "warehouse holds modelled tables with schema on write, tuned for SQL analytics.",
         "It is wrong that a data lake is the same as a data warehouse."),
    Case("primary-key-null",
         "What constraints does a primary key have in a relational database?",
         "A primary key can contain NULLs as long as most rows have a value. Foreign keys "
         "must be unique.",
         "Every row needs a primary key value that is unique and NOT NULL; a foreign key "
         "points at such a key and may repeat.",
         "It is false that a primary key can contain NULLs."),
    Case("index-always-faster", "When does adding a database index help query performance?",
         "An index always speeds up queries, so I index every column. Indexes have no "
         "downside.",
         "An index helps selective filters, joins and sorts on its columns, but it costs "
         "storage and slows inserts and updates.",
         "It is a myth that an index always speeds up queries."),
    Case("window-vs-groupby", "How is a window function different from GROUP BY in SQL?",
         "A window function collapses the rows into one row per group, exactly like GROUP BY. "
         "The only difference is the syntax.",
         "GROUP BY returns one row per group, while a window function such as SUM(x) OVER "
         "(PARTITION BY id) computes over related rows and keeps every input row.",
         "It is wrong that a window function collapses the rows into one row."),
    Case("spark-lazy", "How does Spark execute transformations on a DataFrame?",
         "In Spark, transformations are executed immediately when you call them. A filter is "
         "an action that runs at once.",
         "Transformations such as filter and join only build a logical plan; Spark runs it "
         "when an action such as count or write is called, after optimising the plan.",
         "It is wrong that in Spark transformations are executed immediately."),
    Case("event-processing-time",
         "What is the difference between event time and processing time in streaming?",
         "Event time is the moment when the stream processor receives the record. Processing "
         "time is when the event actually happened.",
         "Event time is the timestamp of when the event happened at the source; processing "
         "time is when the pipeline handles it, and late events are managed with watermarks.",
         "It is wrong that event time is when the system receives the record."),
    Case("scd-types", "How do slowly changing dimension types 1 and 2 differ?",
         "SCD Type 2 overwrites the old value in place, while Type 1 keeps the full history "
         "in new rows. Type 2 saves space.",
         "Type 1 overwrites the old attribute value, so history is lost; Type 2 closes the "
         "current row with an end date and inserts a new version, so history is kept.",
         "It is wrong that SCD Type 2 overwrites the old value."),
    Case("dag-cycles", "What is a DAG in Airflow?",
         "A DAG in Airflow can contain cycles, so a task can loop back to an earlier one. "
         "That is how retries work.",
         "DAG stands for directed acyclic graph: tasks and their dependencies must form an "
         "order without cycles, and repetition comes from schedules, retries or sensors.",
         "It is wrong that an Airflow DAG can contain cycles."),
    # ---- MLOps ----
    Case("drift-swapped", "What is the difference between data drift and concept drift?",
         "Concept drift is when the input distribution shifts, for example users get "
         "younger. Data drift is when the relationship between the features and the target "
         "changes.",
         "Data drift is a change in the input distribution P(X), while concept drift is a "
         "change in P(y | X): the same inputs now lead to different outcomes.",
         "It is wrong that concept drift is when the input distribution shifts."),
    Case("drift-training-accuracy", "How would you monitor a production model for data drift?",
         "I would watch the training accuracy every day. If the training accuracy stays high, "
         "the data has not drifted.",
         "I compare live feature and prediction distributions with the training data using "
         "PSI or KS tests, and track live accuracy once labels arrive.",
         "It is a mistake to detect drift by looking at the training accuracy."),
    Case("retrain-fixes-drift", "Is retraining on a schedule enough to handle drift?",
         "Yes, retraining every week fixes all kinds of drift automatically. Monitoring is "
         "then a waste of time.",
         "Scheduled retraining helps with slow drift, but it can learn from broken data and "
         "reacts late to sudden shifts, so I still monitor inputs and live metrics.",
         "It is a myth that retraining every week fixes all drift."),
    Case("shadow-deployment", "What is a shadow deployment of a model?",
         "In a shadow deployment users get the new model's predictions while the old model "
         "runs in the background. It is basically a canary.",
         "The new model receives a copy of live requests and its outputs are logged and "
         "compared with the current model, but users are still served by the current model.",
         "It is wrong that in a shadow deployment users get the new model's predictions."),
    Case("feature-store", "What is a feature store used for?",
         "A feature store is a registry that stores the trained models and their versions. "
         "You load models from it at serving time.",
         "It computes and serves feature values consistently for training and online "
         "inference, with point-in-time correct history.",
         "It is wrong that a feature store stores trained models; that is a model registry."),
    Case("training-serving-skew", "What is training-serving skew?",
         "Training-serving skew means the model is slower in production than in training "
         "because of different hardware. Faster GPUs fix it.",
         "It is a mismatch between the features or preprocessing seen in training and at "
         "serving, for example a feature computed differently online.",
         "Training-serving skew is not about latency or slower hardware."),
    Case("offline-online",
         "If a new model has better offline metrics, should you deploy it to production?",
         "Yes, a higher offline AUC guarantees a better business result. I would ship it "
         "straight away.",
         "Offline gains often shrink online because of feedback loops and proxy metrics, so I "
         "run an A/B test on the business metric before a full rollout.",
         "It is a myth that a higher offline AUC guarantees a better business result."),
    # ---- LLMs and RAG ----
    Case("finetune-knowledge",
         "Should we fine-tune an LLM or use RAG to answer questions about our internal "
         "documents?",
         "Fine-tuning is the most reliable way to add our internal knowledge to the model. "
         "After that it knows every document.",
         "For facts that change and need citations, RAG fits better: retrieve the relevant "
         "passages and put them in the prompt; fine-tuning is better for style or format.",
         "It is a myth that fine-tuning is the most reliable way to add our internal "
         "knowledge."),
    Case("hallucination-eliminated", "How can you stop an LLM from hallucinating?",
         "Add RAG: retrieval eliminates hallucinations, because the model reads the real "
         "documents. After that the answers are facts.",
         "You can reduce it with retrieval, citations and faithfulness checks, and by letting "
         "the model say it does not know, but some risk remains and needs evaluation.",
         "It is a myth that retrieval eliminates hallucinations."),
    Case("temperature-zero", "What does setting the temperature to 0 do for an LLM?",
         "Temperature 0 guarantees correct answers, because the model picks its best token "
         "every time. It is the factual mode.",
         "It makes decoding greedy, so the output is close to deterministic; the most likely "
         "tokens can still form a wrong or made-up answer.",
         "It is a myth that temperature 0 guarantees correct answers."),
    Case("longer-context-better", "Does a longer context window make RAG unnecessary?",
         "Yes, with a million-token context, RAG is obsolete: put every document in the "
         "prompt. More context means better answers.",
         "Long contexts cost more, add latency and are used less reliably in the middle, so "
         "retrieving the few relevant passages usually gives better and cheaper answers.",
         "It is a myth that a longer context always gives better answers."),
    Case("tokens-words", "What is a token in an LLM?",
         "A token is exactly one word, so a 4,000-token context holds 4,000 words. Prices are "
         "per word.",
         "A token is a subword unit from the tokenizer's vocabulary: common words are often "
         "one token, rare words and numbers several.",
         "It is a myth that a token is exactly one word."),
    Case("lora-all-weights", "How does LoRA fine-tuning work?",
         "LoRA updates all the model's weights, just with a lower learning rate. It is a "
         "cheaper schedule for full training.",
         "LoRA freezes the pretrained weights and trains small low-rank matrices added to "
         "chosen layers, often under 1% of the parameters.",
         "It is wrong that LoRA updates all the model's weights."),
    Case("perplexity-factuality", "What does perplexity measure for a language model?",
         "Perplexity measures how factual the model's answers are. Lower perplexity means "
         "fewer hallucinations.",
         "Perplexity is the exponential of the average next-token loss, so it says how well "
         "the model predicts a text; fluent but false text can still score well.",
         "Perplexity does not measure how factual the answers are."),
    Case("bert-gpt", "What is the difference between BERT and GPT?",
         "BERT is a decoder-only model that generates text left to right. GPT is an encoder "
         "used for classification.",
         "BERT is an encoder trained with masked language modelling that reads context in "
         "both directions, while GPT models are decoder-only and predict the next token.",
         "It is wrong that BERT is a decoder-only model."),
    Case("rag-retrain", "What happens in a RAG system when the documents change?",
         "With RAG you have to retrain the model every time the documents change. Otherwise "
         "it answers from stale knowledge.",
         "You re-embed the changed documents and update the vector index; the model itself "
         "stays the same.",
         "It is a myth that RAG requires retraining the model whenever the documents change."),
    # ---- added for recall: misconceptions seen in real answers ----
    Case("trees-imbalance",
         "How would you handle class imbalance when training a random forest?",
         "Trees split on purity, so unlike logistic regression they aren't affected by class "
         "imbalance, and you don't need any weighting or resampling.",
         "Trees are pulled towards the majority class too, so I would set class weights or "
         "resample the training folds, tune the threshold and report PR-AUC.",
         "It is a myth that random forests are immune to class imbalance."),
    Case("roc-axes", "What does the ROC curve show?",
         "The ROC curve plots precision on the y-axis against recall on the x-axis, and AUC is "
         "the area under it.",
         "The ROC curve plots the true positive rate against the false positive rate across "
         "thresholds; the precision-recall curve plots precision against recall.",
         "It is wrong to say the ROC curve plots precision against recall; that is the PR "
         "curve."),
    Case("stream-ordering",
         "What changes when you move a batch pipeline to stream processing with Kafka?",
         "Streaming is cheaper than batch, and since Kafka keeps events in order you don't have "
         "to worry about late or out-of-order data.",
         "Events can arrive late or out of order, so I window on event time and use watermarks "
         "to decide how long to wait for stragglers.",
         "It is wrong to assume that since Kafka keeps events in order you don't have to worry "
         "about late data."),
    Case("window-where", "How do window functions interact with the WHERE clause in SQL?",
         "Window functions are evaluated before the WHERE clause, so you can filter on them "
         "directly.",
         "Window functions are computed after WHERE and GROUP BY, so to filter on ROW_NUMBER I "
         "compute it in a subquery or CTE, or use QUALIFY where supported.",
         "It is a mistake to think window functions are evaluated before the WHERE clause."),
    Case("svm-c-direction", "What does the C parameter of a support vector machine control?",
         "C is the regularisation strength of the SVM: a larger C means stronger "
         "regularisation and a wider margin, so an overfitting SVM needs a higher C.",
         "C is the price of margin violations: a large C fits the training points tightly with "
         "a narrow margin, a small C allows more violations for a wider, smoother margin.",
         "It is a mistake to think a larger C means stronger regularisation; it means weaker."),
    Case("rank-dense-rank-swapped",
         "What is the difference between ROW_NUMBER, RANK and DENSE_RANK in SQL?",
         "RANK gives consecutive numbers with no gaps after ties, while DENSE_RANK leaves gaps, "
         "and ROW_NUMBER gives tied rows the same number too.",
         "ROW_NUMBER numbers rows uniquely; RANK gives ties the same rank and then skips, as in "
         "1, 1, 3; DENSE_RANK gives ties the same rank without gaps, as in 1, 1, 2.",
         "It is wrong to say DENSE_RANK leaves gaps: it is RANK that skips after ties."),
    Case("missingness-swapped", "Explain MCAR, MAR and MNAR missing data.",
         "MAR means the values are missing purely by chance, and MCAR is when the missingness "
         "depends on other observed columns.",
         "MCAR means missingness is unrelated to any value; under MAR it depends only on "
         "observed columns, and under MNAR on the missing value itself.",
         "A common mistake is to think MAR means missing purely by chance; that is MCAR."),
    Case("bonferroni-fdr-swapped",
         "How do you correct for multiple comparisons when testing many metrics?",
         "Bonferroni controls the false discovery rate, and Benjamini-Hochberg is the stricter "
         "family-wise method.",
         "Bonferroni and Holm control the family-wise error rate and are strict; "
         "Benjamini-Hochberg controls the false discovery rate, which keeps more power.",
         "It is wrong to say Bonferroni controls the false discovery rate; it bounds the "
         "family-wise rate."),
    Case("logistic-coef-probability",
         "How do you interpret a coefficient of a logistic regression model?",
         "The coefficient is the change in probability: a coefficient of 0.4 raises the "
         "probability by 0.4, or 40 percentage points.",
         "A logistic coefficient is a change in log-odds: 0.4 multiplies the odds by about 1.5, "
         "and the change in probability depends on the baseline rate.",
         "It is wrong to say the coefficient is the change in probability."),
    Case("did-equal-levels",
         "What does the parallel trends assumption of difference-in-differences mean?",
         "Parallel trends means the two groups must have identical outcome levels before the "
         "treatment, so if one group starts higher you cannot use it.",
         "It rests on parallel trends: without treatment both groups would have changed by the "
         "same amount. Their levels may differ; DiD compares the changes.",
         "A common mistake is to think parallel trends needs identical levels; it does not."),
    Case("residual-patterns-swapped", "What do patterns in the residuals of a linear regression "
         "tell you?",
         "A curved residual plot means heteroscedasticity, and a funnel shape means the "
         "relationship is nonlinear.",
         "A curve against the fitted values means a missing non-linear term; a funnel that "
         "widens means heteroscedasticity, so use robust errors or transform the target.",
         "It is a mistake to say a curved residual plot means heteroscedasticity; a funnel "
         "does."),
    Case("finetune-learning-rate",
         "How would you fine-tune a pretrained language model on 2,000 labelled examples?",
         "Use a higher learning rate than in pretraining, like 1e-2, and train for 50 epochs; "
         "pretrained models can't overfit a small dataset.",
         "Use a small learning rate such as 2e-5 for a few epochs, keep a validation split and "
         "stop early, since the model overfits 2,000 examples quickly.",
         "It is wrong to use a higher learning rate than in pretraining: it wipes out what the "
         "model learned."),
]

# At least two more confident wrong answers per entry, worded unlike its row in CASES and
# unlike its patterns (other verbs, word order, synonyms, hedges, numbers), as candidates
# actually phrase the claim; each is asked with the question of the entry's row.
MORE_WRONG: dict[str, tuple[str, ...]] = {
    "l2-sparse": (
        "Ridge is what I'd use to get rid of useless features, because its penalty zeroes out "
        "their coefficients.",
        "With an L2 penalty a lot of the weights end up at exactly 0, so the model is sparse "
        "and easy to read.",
    ),
    "pvalue-null-true": (
        "If p is 0.04, there's basically a 4% chance the null is true, so we reject it.",
        "A p-value tells you how likely it is that the null hypothesis is correct given the "
        "data.",
    ),
    "accuracy-imbalanced": (
        "For the fraud data I'd just look at accuracy; with 99% legit transactions, a 99% "
        "accuracy shows the model works well.",
        "Even when the classes are imbalanced, accuracy is a perfectly good metric to report.",
    ),
    "resample-before-split": (
        "First I oversample the minority class on the full dataset and only after that I "
        "create the train and test sets.",
        "I'd run SMOTE over all the data so the classes are 50/50, and then do the train/test "
        "split.",
    ),
    "trees-need-scaling": (
        "Before fitting a random forest you have to standardise every feature, otherwise the "
        "splits are dominated by the large columns.",
        "XGBoost basically requires normalised inputs, so I always scale the features first.",
    ),
    "correlation-causation": (
        "The two metrics move together with r = 0.9, so clearly the marketing spend is what "
        "drives the sales.",
        "Since churn is strongly correlated with support tickets, the tickets are causing "
        "customers to leave.",
    ),
    "overfitting-too-simple": (
        "A model overfits when it lacks the capacity to learn the patterns, so I'd add more "
        "layers to fix it.",
        "Overfitting basically means the model is underpowered; making it bigger is the cure.",
    ),
    "precision-recall-swapped": (
        "Recall tells you, out of everything the model flagged as positive, how much was "
        "actually positive.",
        "Precision is basically the true positive rate: TP divided by TP plus FN.",
    ),
    "forest-boosting-swapped": (
        "In a random forest every new tree is trained on the mistakes of the previous trees.",
        "Gradient boosting just grows lots of independent trees on bootstrap samples and "
        "averages them.",
    ),
    "drop-missing-rows": (
        "Whenever there are NaNs I just remove those rows, it's always the safest option.",
        "Missing values are best handled by deleting every record that has one, since "
        "imputation adds fake data.",
    ),
    "timeseries-shuffle": (
        "For the forecast I'd randomly shuffle the observations and run standard k-fold "
        "cross-validation.",
        "I'd use regular 10-fold CV with shuffling on the daily sales series, it's the most "
        "robust estimate.",
    ),
    "leakage-privacy": (
        "Data leakage is when sensitive customer information is exposed to outsiders, like a "
        "hacker getting into the database.",
        "Leakage is basically a security problem, so you prevent it with access controls and "
        "encryption.",
    ),
    "auc-accuracy": (
        "ROC AUC is basically the accuracy of the model at its best threshold: an AUC of 0.8 "
        "means 80% of predictions are correct.",
        "An AUC of 0.9 tells you the classifier gets 90% of the cases right.",
    ),
    "kmeans-supervised": (
        "k-means needs labelled data: you train it on the known classes and then it assigns "
        "new points.",
        "For k-means you provide the target labels and it learns k centroids for the classes, "
        "so it's a supervised classifier.",
    ),
    "dropout-permanent": (
        "Dropout prunes neurons from the network for good, so the final model is smaller.",
        "With dropout, the deleted units are removed from the network once training ends, "
        "which makes it faster.",
    ),
    "pca-selects-features": (
        "PCA picks the top few columns of the dataset that explain the most variance and "
        "discards the rest.",
        "With PCA you end up with a subset of your original variables, the most informative "
        "ones.",
    ),
    "logistic-rounding": (
        "Logistic regression fits a straight line by least squares and then thresholds the "
        "prediction at 0.5.",
        "It is just linear regression whose output you round to get the class.",
    ),
    "vanishing-learning-rate": (
        "Vanishing gradients happen because the step size is too low, so the updates become "
        "tiny.",
        "If the learning rate is set too small, the gradients vanish; raising it solves the "
        "problem.",
    ),
    "type-errors-swapped": (
        "A Type II error is when you reject the null even though it's actually true.",
        "Missing a real effect, failing to reject a false null, is what we call a Type 1 "
        "error.",
    ),
    "pvalue-effect-size": (
        "Our p-value was 0.0001, so the new design has a huge impact on conversion.",
        "The lower the p-value, the bigger the effect, so p = 0.001 beats p = 0.04 in terms "
        "of impact.",
    ),
    "pvalue-chance-result": (
        "A p-value of 0.03 means there's a 3% chance that the difference we saw is just "
        "random noise.",
        "The p-value is basically the probability that our result is a fluke.",
    ),
    "ci-contains-data": (
        "The 95% confidence interval for height is 160 to 180 cm, meaning 95% of people are "
        "between 160 and 180 cm tall.",
        "A 95% CI tells you the range where 95% of the observations fall.",
    ),
    "ci-probability-parameter": (
        "Our 95% CI is 2% to 5%, so the true lift is in that range with 95% probability.",
        "Once we've computed the interval, we can say there is a 95% chance the population "
        "mean is inside it.",
    ),
    "sample-size-false-positives": (
        "Running the test on millions of users raises the Type I error rate, so you get more "
        "false positives.",
        "The bigger the sample size, the higher the false positive rate of the test.",
    ),
    "power-definition": (
        "Power is just alpha: the chance of a false positive.",
        "Statistical power is the probability of rejecting the null when the null is actually "
        "true.",
    ),
    "multiple-testing": (
        "We test 20 metrics at 0.05 each, so overall we still only have a 5% chance of a "
        "false positive.",
        "Checking many segments is fine because each test is at alpha 0.05, so the false "
        "positive rate across the experiment stays at 5%.",
    ),
    "clt-data-normal": (
        "By the CLT, once you have more than 30 observations the data is normally distributed, "
        "so you can use a t-test.",
        "The central limit theorem tells us a big enough sample makes any variable follow a "
        "normal distribution.",
    ),
    "sd-vs-se": (
        "The standard error measures how spread out the individual values are around the "
        "mean.",
        "As you collect more data, the standard deviation gets smaller and smaller.",
    ),
    "zero-correlation-independence": (
        "Their correlation is 0, so the two variables are independent of each other.",
        "If the Pearson coefficient is zero then there is no relationship at all between x "
        "and y.",
    ),
    "correlation-slope": (
        "A correlation of 0.8 means y goes up by 0.8 units when x increases by one.",
        "With r = 0.7, the model explains 70% of the variance in y.",
    ),
    "ab-peeking": (
        "You launch the test, check the p-value every day, and stop as soon as it drops below "
        "0.05.",
        "I'd monitor the dashboard daily and call the winner the first time it hits "
        "significance.",
    ),
    "ab-no-randomisation": (
        "We let users opt in to the new feature and compare them with everyone else; that's "
        "our A/B test.",
        "For the experiment I'd give the new checkout to our most active customers and compare "
        "them with the rest.",
    ),
    "r-squared-range": (
        "R-squared always lies between 0 and 1, even on the test set.",
        "The worst R2 you can get is zero, it can't go below that.",
    ),
    "r-squared-causal": (
        "An R-squared of 0.95 proves that the features cause the outcome.",
        "Our R2 is 0.9, so the model is correctly specified and the relationships are causal.",
    ),
    "r-squared-features": (
        "Adding an irrelevant feature will lower the training R-squared, since it adds noise.",
        "If you include useless variables, the in-sample R2 goes down.",
    ),
    "mean-median-outliers": (
        "The mean is robust to outliers, so I'd use it for the income data.",
        "For skewed data like salaries, the average is the best summary of a typical value.",
    ),
    "standardise-makes-normal": (
        "I standardise the features so that they become normally distributed.",
        "After z-scoring, the variable follows a standard normal distribution.",
    ),
    "base-rate": (
        "If the test is 99% accurate and you test positive, there's a 99% chance you have the "
        "disease.",
        "The screening has 95% sensitivity, so a positive result means the patient is 95% "
        "likely to be sick.",
    ),
    "mutually-exclusive-independent": (
        "Mutually exclusive events are independent, since they have nothing to do with each "
        "other.",
        "Two events that can't happen together are, by definition, independent events.",
    ),
    "gamblers-fallacy": (
        "After five heads in a row, tails is due, so the next flip is more likely to be tails.",
        "The coin has landed on heads 8 times, so the chance of tails on the next toss is "
        "higher.",
    ),
    "bootstrap-information": (
        "Bootstrapping increases your sample size, since you generate new data points from the "
        "original ones.",
        "The bootstrap draws samples without replacement from the data, many times.",
    ),
    "likelihood-probability": (
        "The likelihood is the probability of the parameters given the data.",
        "Maximum likelihood finds the parameters that are most probable given what we "
        "observed.",
    ),
    "nonsignificant-no-effect": (
        "The p-value was 0.3, so that proves the feature has no effect.",
        "The result was not significant, which shows that the two groups are the same.",
    ),
    "ci-overlap": (
        "The error bars of the two groups overlap, so the difference between them is not "
        "significant.",
        "If the two confidence intervals overlap at all, you can conclude there's no "
        "significant difference.",
    ),
    "outliers-always-remove": (
        "Outliers should always be deleted before modelling because they distort everything.",
        "I remove every point beyond 3 standard deviations, every time, as a rule.",
    ),
    "selection-bias-sample-size": (
        "Our survey only reached app users, but with 100,000 responses the sample is big "
        "enough to cancel out the bias.",
        "Selection bias goes away if you just collect more data.",
    ),
    "average-of-averages": (
        "To get the overall conversion rate, I'd average the conversion rates of each country.",
        "The mean of the per-store averages is the same as the overall average.",
    ),
    "bias-variance-swapped": (
        "High variance means the model is too simple and underfits the training data.",
        "A model with high bias is overfitting, it memorises the training set.",
    ),
    "bias-variance-dataset": (
        "The bias-variance trade-off is about having a biased dataset versus features with "
        "high variance.",
        "The tradeoff is basically about sampling bias in the data and the variance of each "
        "column.",
    ),
    "generative-discriminative": (
        "A generative model is one that generates predictions, like logistic regression, "
        "whereas a discriminative model discriminates against groups.",
        "Logistic regression is generative, and naive Bayes is discriminative.",
    ),
    "knn-training": (
        "During training, kNN learns a weight for each feature by gradient descent.",
        "Prediction with kNN is fast because all the heavy work happens when you fit the "
        "model.",
    ),
    "knn-scaling": (
        "kNN doesn't care about the scale of the features, so I'd skip normalisation there.",
        "For nearest neighbours, scaling makes no difference to the result.",
    ),
    "more-features-always-help": (
        "Adding more features can only improve the model, since it has more information.",
        "The more columns we feed into kNN, the better it gets.",
    ),
    "kmeans-finds-k": (
        "k-means works out the number of clusters automatically from the data.",
        "You just run k-means and it figures out how many groups there are.",
    ),
    "kmeans-shapes": (
        "k-means can find clusters of any shape, even rings or spirals.",
        "k-means is great for non-convex clusters with very different densities.",
    ),
    "kmeans-global-optimum": (
        "k-means always finds the best possible clustering, the global minimum of the "
        "inertia.",
        "Since k-means converges, the solution it gives is guaranteed to be globally optimal.",
    ),
    "underfitting-more-data": (
        "If the model underfits, the fix is to collect more training data.",
        "More samples will solve underfitting, that's always my first step.",
    ),
    "validation-equals-test": (
        "The validation set and the test set are basically the same thing, just two names.",
        "Validation data is just another word for test data.",
    ),
    "tuning-on-test": (
        "I'd tune the hyperparameters on the test set and pick the ones with the best test "
        "accuracy.",
        "We select the final model by comparing all candidates' scores on the test data.",
    ),
    "regularisation-variance": (
        "Adding regularisation increases the variance of the model.",
        "Regularisation lowers bias, which is why it helps.",
    ),
    "learning-rate-larger-faster": (
        "A higher learning rate always makes training converge faster.",
        "Just crank the learning rate up, bigger steps always get you to the minimum sooner.",
    ),
    "trees-need-one-hot": (
        "Random forests can only handle categorical variables after one-hot encoding.",
        "For XGBoost you always have to one-hot encode the categories first.",
    ),
    "boosting-variance": (
        "Boosting is mainly a variance-reduction technique, while bagging reduces bias.",
        "Bagging attacks bias and boosting attacks variance.",
    ),
    "random-forest-never-overfits": (
        "Random forests can't overfit because they average many trees.",
        "A random forest is immune to overfitting, so you can grow the trees as deep as you "
        "like.",
    ),
    "naive-bayes-dependent": (
        "Naive Bayes assumes that the features are correlated with each other.",
        "Naive Bayes models the interactions between the words in the document.",
    ),
    "svm-margin": (
        "An SVM looks for the boundary with the smallest margin between the classes.",
        "The support vectors are the points farthest away from the decision boundary.",
    ),
    "pca-supervised": (
        "PCA uses the labels to find the directions that best separate the classes.",
        "PCA is a supervised technique, it needs the target.",
    ),
    "pca-scaling": (
        "PCA doesn't need standardised inputs, you can run it on raw features.",
        "Scaling doesn't matter for PCA since it only looks at directions.",
    ),
    "tsne-distances": (
        "In a t-SNE plot, the distance between two clusters tells you how different they "
        "really are.",
        "The bigger a cluster looks in t-SNE, the more spread out that group is in the "
        "original data.",
    ),
    "roc-vs-pr-imbalance": (
        "For a heavily imbalanced problem, ROC AUC is the most informative metric, better "
        "than precision-recall.",
        "With 1% positives I'd rely on the ROC curve rather than the PR curve.",
    ),
    "f1-mean": (
        "F1 is the average of precision and recall.",
        "The F1 score combines precision and accuracy into one number.",
    ),
    "multicollinearity-target": (
        "Multicollinearity is when a feature is highly correlated with the target.",
        "We have collinearity when the predictors are strongly related to the outcome.",
    ),
    "multicollinearity-accuracy": (
        "Multicollinearity hurts the predictive accuracy of the model a lot.",
        "With collinear features the model's predictions become bad.",
    ),
    "mse-robust": (
        "MSE is more robust to outliers than MAE.",
        "Squared error handles outliers better than absolute error, so I'd use RMSE.",
    ),
    "log-loss": (
        "Log loss treats every mistake the same, like accuracy.",
        "With cross-entropy, a confident wrong prediction costs the same as a hesitant one.",
    ),
    "threshold-fixed": (
        "The threshold for a classifier has to be 0.5.",
        "You always classify as positive when the probability is above 0.5, that's fixed.",
    ),
    "gd-global-min": (
        "Gradient descent always finds the global minimum.",
        "With enough iterations, SGD is guaranteed to reach the global optimum of a neural "
        "network.",
    ),
    "label-encoding-nominal": (
        "For a nominal feature like city, label encoding to 0, 1, 2 is fine for linear "
        "regression.",
        "I'd just map the colours to integers and feed them to kNN, that's how you encode "
        "categories.",
    ),
    "preprocess-before-split": (
        "I fit the StandardScaler on the whole dataset and then split into train and test.",
        "First I impute missing values with the mean of all the data, then do the split.",
    ),
    "feature-importance-causal": (
        "SHAP values show which features cause the outcome.",
        "Since income has the highest permutation importance, raising income will cause "
        "fewer defaults.",
    ),
    "softmax-multilabel": (
        "For multi-label classification I'd use a softmax output layer.",
        "Softmax is the right choice when an image can have several tags at once.",
    ),
    "coef-importance": (
        "The feature with the largest coefficient is the most important one.",
        "Just look at the raw coefficients: the biggest weight is the strongest predictor.",
    ),
    "logreg-binary-only": (
        "Logistic regression only works for binary classification.",
        "You can't use logistic regression with three or more classes.",
    ),
    "decision-tree-regression": (
        "Decision trees can only be used for classification.",
        "Trees only predict categories, so for a continuous target you need linear regression.",
    ),
    "tree-split-criterion": (
        "A decision tree picks the split that minimises information gain.",
        "At each node the tree chooses the split that maximises the Gini impurity.",
    ),
    "rf-features-per-split": (
        "In a random forest every split looks at all the features.",
        "Each tree in the forest considers every feature at each node; only the rows are "
        "sampled.",
    ),
    "lasso-correlated": (
        "Lasso keeps all of the correlated features and shrinks them equally.",
        "With a group of correlated variables, L1 spreads the weight evenly across all of "
        "them.",
    ),
    "specificity-precision": (
        "Specificity is basically precision under another name: of the cases we flagged, how "
        "many were right.",
        "Sensitivity tells you what fraction of the predicted positives turned out to be "
        "correct.",
    ),
    "fp-fn-swapped": (
        "A false positive is when the model says negative but the case was actually positive.",
        "If a healthy patient gets flagged as sick by the test, that's a false negative.",
    ),
    "threshold-recall-direction": (
        "Raising the threshold makes the model stricter, so recall goes up.",
        "Moving the cut-off from 0.5 to 0.8 will increase our recall.",
    ),
    "boosting-learning-rate-trees": (
        "If you lower the learning rate in XGBoost, you can get away with fewer trees.",
        "A small shrinkage of 0.01 means gradient boosting needs fewer estimators to converge.",
    ),
    "kernel-trick": (
        "With the kernel trick the SVM explicitly computes each point's coordinates in the "
        "high-dimensional space and fits a linear boundary there.",
        "An RBF kernel works by first transforming every sample into the infinite-dimensional "
        "feature vector.",
    ),
    "dbscan-k": (
        "Like k-means, DBSCAN needs the number of clusters as an input.",
        "For DBSCAN you first pick k, how many clusters you want.",
    ),
    "mean-imputation-variance": (
        "Filling the gaps with the column average keeps the variance of the feature the same.",
        "Mean imputation is safe because the spread and the correlations of the data stay "
        "unchanged.",
    ),
    "timeseries-random-split": (
        "For the demand forecast I'd do a random 80/20 train/test split.",
        "I'd just split the daily series randomly into train and test like any other "
        "dataset.",
    ),
    "stationarity": (
        "A stationary series basically stays flat, its values are constant over time.",
        "As long as there's no trend, the time series is stationary, that's the definition.",
    ),
    "collaborative-filtering": (
        "Collaborative filtering is what solves cold start: a brand new user gets good "
        "recommendations straight away.",
        "Collaborative filtering recommends items by comparing item features like genre and "
        "price.",
    ),
    "batchnorm-inference": (
        "When the model is serving, batch norm normalises each layer with the mean and "
        "variance of the incoming batch.",
        "During prediction, batch normalisation computes fresh statistics from the test batch.",
    ),
    "batchnorm-preprocessing": (
        "Batch norm is just a preprocessing step: it standardises the input data once before "
        "training.",
        "Batch normalisation basically means scaling the features before you feed them into "
        "the network.",
    ),
    "dropout-inference": (
        "At prediction time we still drop half the neurons, exactly as during training.",
        "Dropout keeps randomly switching off units when the model serves predictions.",
    ),
    "relu-vanishing": (
        "ReLU is what causes vanishing gradients, so I'd switch the hidden layers to sigmoid.",
        "Sigmoid activations solve the vanishing gradient problem that ReLU creates.",
    ),
    "transformer-sequential": (
        "A transformer reads the tokens one at a time, left to right, like an RNN.",
        "Self-attention is a recurrent mechanism that steps through the sequence word by word.",
    ),
    "positional-encoding": (
        "Attention already knows the word order, so transformers can skip positional "
        "encodings.",
        "Self-attention captures the order of the tokens by itself, so position information "
        "is unnecessary.",
    ),
    "embeddings-one-hot": (
        "An embedding is a sparse vector with a single 1 at the word's index and 0 everywhere "
        "else.",
        "Word embeddings are basically one-hot encodings of the vocabulary.",
    ),
    "large-batch-generalisation": (
        "The bigger the batch, the better the model generalises, so I'd use 8192.",
        "Increasing the batch size always improves test accuracy.",
    ),
    "adam-no-tuning": (
        "Adam works out of the box, so you never have to tune its learning rate.",
        "Adam always beats SGD, there's no reason to use anything else.",
    ),
    "cnn-invariance": (
        "CNNs are rotation invariant by design, so augmentation with rotations is unnecessary.",
        "A convolutional network automatically recognises an object at any scale or angle.",
    ),
    "conv-parameters": (
        "Conv layers are heavier than fully connected ones: they have far more weights.",
        "A 3x3 convolutional layer needs more parameters than a dense layer on the same image.",
    ),
    "deeper-always-better": (
        "Adding more layers will always improve the accuracy of a neural network.",
        "The deeper the network, the better it performs, so I'd go to 100 layers.",
    ),
    "zero-initialisation": (
        "I'd set every weight to 0 at the start; it's the neutral choice and training sorts "
        "it out.",
        "Zero initialisation of the weights works fine for a neural network.",
    ),
    "epoch-definition": (
        "One epoch is a single mini-batch passing through the network.",
        "An epoch means one gradient update step.",
    ),
    "validation-below-training": (
        "If the validation loss is lower than the training loss there must be a bug; it's "
        "impossible.",
        "Validation loss is always higher than training loss.",
    ),
    "overfit-training-loss": (
        "You can tell the model is overfitting when the training loss starts to go up.",
        "Overfitting shows up as an increasing training error.",
    ),
    "trees-imbalance": (
        "A random forest is basically immune to class imbalance, because each split just looks "
        "for the purest partition.",
        "With XGBoost you don't need class weights or SMOTE, tree-based models handle a 1:100 "
        "ratio on their own.",
    ),
    "roc-axes": (
        "For the ROC curve you put recall on one axis and precision on the other, one point per "
        "threshold.",
        "In a ROC plot, precision is on the vertical axis and recall on the horizontal one.",
    ),
    "stream-ordering": (
        "Events arrive in the order they happened, so with streaming there's no need to handle "
        "late data.",
        "Kafka always delivers the events in the order they occurred, so watermarks are just "
        "overhead.",
    ),
    "window-where": (
        "You can just put ROW_NUMBER() in the WHERE clause to keep the first order per "
        "customer.",
        "Since SQL computes the window functions first, WHERE rank = 1 works fine on the same "
        "query level.",
    ),
    "left-join-matches": (
        "A LEFT JOIN returns only the rows that match in both tables.",
        "An inner join keeps all the rows from both tables.",
    ),
    "join-row-count": (
        "A join never changes the number of rows of the left table.",
        "Joining orders to customers will always give the same row count as the orders table.",
    ),
    "where-having": (
        "WHERE filters after the GROUP BY, HAVING filters before it.",
        "HAVING is applied to the rows before aggregation, and WHERE to the groups.",
    ),
    "count-null": (
        "COUNT(*) skips rows with NULLs.",
        "COUNT(email) counts the NULL emails too.",
    ),
    "null-equals-null": (
        "To find missing values I'd write WHERE col = NULL.",
        "NULL = NULL evaluates to true in SQL.",
    ),
    "union-vs-union-all": (
        "UNION keeps duplicates and UNION ALL removes them.",
        "UNION ALL deduplicates the rows, while plain UNION keeps everything.",
    ),
    "partitioning-indexing": (
        "Partitioning is basically the same as indexing a table.",
        "Sharding means keeping copies of the same data on several servers.",
    ),
    "oltp-olap": (
        "OLTP systems are built for analytics and OLAP systems for transactions.",
        "OLAP databases handle the day-to-day inserts and updates of the application.",
    ),
    "idempotent-meaning": (
        "An idempotent pipeline is one that runs very fast.",
        "Idempotent means the job can only run once.",
    ),
    "kafka-exactly-once": (
        "Kafka gives exactly-once delivery by default.",
        "Out of the box Kafka guarantees each message is processed exactly once.",
    ),
    "star-schema-normalised": (
        "A star schema is fully normalised.",
        "The star schema puts dimensions in third normal form to avoid redundancy.",
    ),
    "parquet-row": (
        "Parquet is a row-oriented format.",
        "CSV is a columnar format, like Avro.",
    ),
    "batch-streaming-latency": (
        "Batch processing has lower latency than streaming.",
        "Batch jobs give you fresher numbers than a streaming pipeline, because everything "
        "is recomputed together.",
    ),
    "etl-elt-swapped": (
        "In ELT you transform the data before loading it into the warehouse.",
        "ETL loads the raw data first and transforms it inside the warehouse.",
    ),
    "data-lake-warehouse": (
        "A data lake is the same as a data warehouse.",
        "A data lake and a warehouse are basically two names for one thing.",
    ),
    "primary-key-null": (
        "A primary key can contain NULLs.",
        "A foreign key must be unique in its table.",
    ),
    "index-always-faster": (
        "Adding indexes always makes queries faster.",
        "I'd index every column, indexes have no cost.",
    ),
    "window-vs-groupby": (
        "Window functions are the same as GROUP BY, just faster: they collapse each partition "
        "into a single row.",
        "A window function aggregates the partition into one row per group.",
    ),
    "spark-lazy": (
        "Spark executes each transformation immediately.",
        "As soon as you call filter or select, Spark runs the job on the cluster.",
    ),
    "event-processing-time": (
        "Event time is when the system processes the record.",
        "Processing time is when the event actually happened on the device.",
    ),
    "scd-types": (
        "SCD Type 1 keeps the full history and Type 2 overwrites the old value.",
        "With a Type 2 slowly changing dimension you just overwrite the row.",
    ),
    "dag-cycles": (
        "An Airflow DAG can contain cycles, so a task can loop back to an earlier one.",
        "In the DAG, task C can depend on task A which depends on C again.",
    ),
    "drift-swapped": (
        "Data drift is when the relationship between the features and the target changes.",
        "Concept drift means the input distribution shifts.",
    ),
    "drift-training-accuracy": (
        "We monitor drift by tracking the model's training accuracy.",
        "To detect drift, I'd look at the training loss over time.",
    ),
    "retrain-fixes-drift": (
        "If we retrain every week, drift is handled, so monitoring isn't needed.",
        "Scheduled retraining fixes every kind of drift.",
    ),
    "shadow-deployment": (
        "In a shadow deployment, users see the new model's predictions.",
        "Shadow mode means we serve the new model to 5% of users.",
    ),
    "feature-store": (
        "A feature store is where you store your trained models.",
        "The feature store is basically the model registry, it versions the models.",
    ),
    "training-serving-skew": (
        "Training-serving skew means the model is slower in production than in training.",
        "Skew is when serving latency is higher than training time.",
    ),
    "offline-online": (
        "A better offline AUC guarantees a better result online.",
        "If the new model wins offline, it will definitely win the A/B test.",
    ),
    "finetune-knowledge": (
        "Fine-tuning is the reliable way to add new knowledge to an LLM.",
        "To teach the model our product docs, I'd fine-tune it on them rather than use RAG.",
    ),
    "hallucination-eliminated": (
        "RAG eliminates hallucinations.",
        "Once the model is fine-tuned on our data, it no longer hallucinates.",
    ),
    "temperature-zero": (
        "Temperature 0 makes the LLM's answers correct.",
        "Setting the temperature to zero guarantees factual answers.",
    ),
    "longer-context-better": (
        "A larger context window always gives better answers.",
        "The more documents you stuff into the prompt, the better the answer.",
    ),
    "tokens-words": (
        "Tokens are whole words.",
        "Each token is one word, so 1,000 tokens is 1,000 words.",
    ),
    "lora-all-weights": (
        "LoRA updates all of the model's weights.",
        "With LoRA every parameter of the base model is fine-tuned.",
    ),
    "perplexity-factuality": (
        "Perplexity measures how factual the model is.",
        "A low perplexity means the model's answers are true.",
    ),
    "bert-gpt": (
        "BERT is a decoder and GPT is an encoder.",
        "GPT is encoder-only, BERT is the generative one.",
    ),
    "rag-retrain": (
        "RAG requires retraining the model whenever the documents change.",
        "Every time the knowledge base is updated, the LLM in a RAG setup has to be "
        "retrained.",
    ),
    "svm-c-direction": (
        "If the support vector machine overfits, bump up C, since a big C value means more "
        "regularisation.",
        "Increasing C gives the SVM a wider margin and a simpler boundary.",
    ),
    "rank-dense-rank-swapped": (
        "DENSE_RANK has gaps after a tie, e.g. 1, 1, 3, which is why it is called dense.",
        "With ROW_NUMBER, tied rows get the same number, so duplicates share a row number.",
    ),
    "missingness-swapped": (
        "Missing at random just means the blanks are totally random and unrelated to the other "
        "columns.",
        "For MNAR data, mean imputation fixes the problem because it fills in the typical value.",
    ),
    "bonferroni-fdr-swapped": (
        "BH controls the family-wise error rate, so it's the conservative choice for twenty "
        "metrics.",
        "Benjamini-Hochberg is more conservative than Bonferroni, so I'd use it to be safe.",
    ),
    "logistic-coef-probability": (
        "A logistic regression coefficient of 0.2 means a 20% higher chance of churn.",
        "The logistic coefficients are just the increase in the probability of the outcome per "
        "unit of the feature.",
        "Logistic regression coefficients can be read directly as changes in probability, like "
        "a slope.",
    ),
    "did-equal-levels": (
        "Diff-in-diff assumes the treated and control lines lie on top of each other before "
        "the change.",
        "You need the same levels in both groups before treatment, otherwise the "
        "difference-in-differences estimate is invalid.",
    ),
    "residual-patterns-swapped": (
        "If the residuals are bowed, that indicates heteroscedasticity in the regression.",
        "Non-normal residuals mean the OLS coefficients are biased, so transform the target.",
    ),
    "finetune-learning-rate": (
        "When fine-tuning, a pretrained model won't overfit even 500 examples, so train as long "
        "as you like.",
        "Fine-tuning needs a bigger learning rate than pre-training, since the weights must move "
        "far.",
    ),
}

# Correct statements close in wording to the broadened patterns (same terms, another claim);
# the precision test runs every entry over them with the honest answers of CASES.
MORE_HONEST: tuple[str, ...] = (
    "I split first and apply SMOTE only to the training folds, after the split, so the test set "
    "keeps the real class balance.",
    "I'd split the full dataset first, then oversample the minority class in the training part.",
    "Ridge shrinks the coefficients towards zero smoothly, which helps with correlated features.",
    "The p-value is the probability of data this extreme assuming the null is true.",
    "On balanced classes accuracy is fine, but on imbalanced data it is misleading.",
    "Random forests work on raw features because the splits are invariant to scaling.",
    "Ice cream sales and drownings are correlated because hot weather drives both.",
    "I use TimeSeriesSplit without shuffling, so each fold trains on the past.",
    "Dropout randomly removes units at each training step; after training all units are used.",
    "PCA keeps the top few components, which are combinations of the original features.",
    "A Type II error is failing to reject the null when the alternative is true.",
    "The p-value is the probability of seeing a difference this large from random noise alone "
    "if the null were true.",
    "95% of intervals built this way contain the true mean.",
    "With 20 metrics each tested at 0.05, the chance of at least one false positive is about "
    "64%, so I correct with Holm.",
    "The CLT says the sampling distribution of the mean becomes approximately normal.",
    "With r = 0.7, r-squared is 0.49, so the model explains 49% of the variance.",
    "A non-significant result is compatible with no effect and with small effects alike.",
    "Error bars can overlap even when the difference is significant, so test the difference "
    "directly.",
    "The ROC curve plots the true positive rate against the false positive rate, whereas the PR "
    "curve plots precision against recall.",
    "With rare positives I'd rely on the PR curve rather than the ROC curve.",
    "F1 is the harmonic mean of precision and recall.",
    "I fit the scaler on the training split only and then apply it to the test split.",
    "Compute ROW_NUMBER in a CTE and then filter on it in the WHERE clause of the outer query.",
    "Window functions are computed after WHERE, so filter on them in an outer query or with "
    "QUALIFY.",
    "Kafka keeps order only within a partition, so events can still arrive late and I use "
    "watermarks.",
    "Trees are affected by class imbalance too, so I set class weights and tune the threshold.",
    "UNION ALL is faster than UNION because it skips the distinct step.",
    "Batch norm uses the running mean and variance stored during training at inference.",
    "LoRA freezes the base model and trains small low-rank matrices added to some layers.",
    "When the documents change in a RAG system, you re-embed them and update the index.",
    "The higher the threshold, the higher the precision and the lower the recall.",
    "With a smaller learning rate gradient boosting needs more trees to reach the same loss.",
    "A standardised variable has mean 0 and variance 1 but keeps the shape of its distribution.",
)

ENTRIES = {entry.key: entry for entry in load_common()}


def _case_question(case: Case):
    return question_from_record(f"case-{case.key}", case.question)


def _found_by(entry: CommonMisconception, profile: TopicProfile, text: str) -> list[str]:
    """Sentences of ``text`` in which ``entry`` is found, through the grader's own check."""
    answer = analyse(clean(text))
    return [sentence for wrong, sentence in asserted_common(profile, answer)
            if wrong is entry.misconception]


def _own_subject(entry: CommonMisconception) -> TopicProfile:
    """A question about every topic word of ``entry``: the entry always applies."""
    return TopicProfile(asked=frozenset(), topic=entry.subject)


def test_every_entry_has_exactly_one_case():
    keys = [case.key for case in CASES]
    assert len(keys) == len(set(keys)), "a key has two rows in CASES"
    assert len(ENTRIES) == len(load_common()), "two entries share an id"
    assert set(keys) == set(ENTRIES), (
        f"entries without a row: {sorted(set(ENTRIES) - set(keys))}; "
        f"rows without an entry: {sorted(set(keys) - set(ENTRIES))}")
    assert len(CASES) == len(load_common())


def test_every_listed_misconception_has_a_statement_correction_and_topic():
    entries = load_common()
    assert len(entries) >= 10
    for entry in entries:
        assert entry.key and entry.topic and entry.patterns and entry.misconception.correction


def test_every_topic_word_can_open_its_entry():
    """A topic made only of words every answer uses ("value", "time") never matches."""
    import tomllib
    from importlib import resources

    text = resources.files("interview.grading").joinpath("data", "misconceptions.toml")
    for entry in tomllib.loads(text.read_text("utf-8"))["misconception"]:
        dead = [word for word in entry["topic"] if not topic_stems(word)]
        assert not dead, f"{entry['id']}: topic words that are never subject words: {dead}"


def test_every_correction_fits_in_the_advice_uncut():
    for entry in load_common():
        wrong = entry.misconception
        advice = f"Correct the claim that {wrong.statement}: {wrong.correction}"
        assert len(advice) <= 300, f"{entry.key}: advice of {len(advice)} characters is cut"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_a_confident_wrong_answer_is_flagged_and_scores_at_most_two(case):
    question = _case_question(case)
    entry = ENTRIES[case.key]
    assert entry.applies_to(topic_profile(question).topic | topic_profile(question).asked), (
        "the question is not on the entry's topic")
    assert _found_by(entry, topic_profile(question), case.wrong), "the entry misses the claim"
    fb = GRADER.grade(question, case.wrong)
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2
    assert any(tip.startswith("Correct the claim") for tip in fb.improvements)


def test_every_entry_has_at_least_three_wrong_phrasings():
    assert set(MORE_WRONG) <= set(ENTRIES), sorted(set(MORE_WRONG) - set(ENTRIES))
    few = {key: 1 + len(MORE_WRONG.get(key, ())) for key in ENTRIES
           if 1 + len(MORE_WRONG.get(key, ())) < 3}
    assert not few, f"entries with fewer than 3 wrong phrasings: {few}"
    cases = {case.key: case.wrong for case in CASES}
    for key, wrongs in MORE_WRONG.items():
        assert len(set(wrongs) | {cases[key]}) == 1 + len(wrongs), f"{key}: repeated phrasing"


_MORE = [(key, i, wrong) for key, wrongs in MORE_WRONG.items() for i, wrong in enumerate(wrongs)]


@pytest.mark.parametrize("key, i, wrong", _MORE, ids=[f"{key}-{i}" for key, i, _ in _MORE])
def test_another_wording_of_the_claim_is_flagged_and_scores_at_most_two(key, i, wrong):
    case = next(case for case in CASES if case.key == key)
    question = _case_question(case)
    entry = ENTRIES[key]
    assert _found_by(entry, topic_profile(question), wrong), "the entry misses this wording"
    fb = GRADER.grade(question, wrong)
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_an_honest_answer_is_not_flagged(case):
    fb = GRADER.grade(_case_question(case), case.right)
    assert Flag.MISCONCEPTION not in fb.flags, fb.improvements


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.key)
def test_an_answer_rejecting_the_myth_is_not_flagged(case):
    entry = ENTRIES[case.key]
    # The sentence states the claim in the entry's own words: only the rejection saves it.
    assert any(p.search(s) for p in entry.patterns for s in analyse(case.rejects).sentences)
    fb = GRADER.grade(_case_question(case), case.rejects)
    assert Flag.MISCONCEPTION not in fb.flags, fb.improvements


@pytest.mark.parametrize("question, wrong", [
    (L1_L2, "L2 is the one that gives sparse models: it pushes small weights to exactly zero, "
            "while L1 only shrinks them, so for feature selection you use ridge."),
    (P_VALUE, "The p-value is the probability that the null hypothesis is true, so p = 0.03 "
              "means a 97% chance our hypothesis is correct."),
    (SCALING, "Scaling is needed for every model, especially decision trees and random "
              "forests, so I always min-max scale before training XGBoost."),
])
def test_confident_misconception_on_an_ad_hoc_question_scores_at_most_two(question, wrong):
    fb = GRADER.grade(question, wrong)
    assert Flag.MISCONCEPTION in fb.flags and fb.score <= 2
    assert any(tip.startswith("Correct the claim") for tip in fb.improvements)


@pytest.mark.parametrize("question, right", [
    (L1_L2, "L1 (lasso) gives sparse weights, setting some exactly to zero, whereas L2 "
            "(ridge) does not give sparse weights; it shrinks them smoothly."),
    (P_VALUE, "It is not the probability that the null hypothesis is true: it is the chance "
              "of data this extreme if the null were true."),
    (SCALING, "Scaling matters for kNN, SVMs and gradient descent; scaling is not needed for "
              "decision trees or random forests, which split on one feature at a time."),
    (question_from_record("forecast-validation", "How would you validate a demand "
                          "forecasting model before trusting its forecasts?"),
     "I backtest on rolling origins: train before each cut-off, forecast the weeks after it. "
     "Shuffled k-fold is out, it lets the model peek at the future."),
    (question_from_record("sql-nulls", "How do NULLs behave in SQL aggregates and counts?"),
     "Aggregates skip NULLs: COUNT(col) vs COUNT(*), and AVG ignores NULLs rather than treating "
     "them as zero."),
    # "rather than" rejects what follows it, as in the bank's own check
    (question_from_record("ab-duration", "How long should an A/B test on conversion run?"),
     "I work out the users needed from the baseline, the effect worth detecting and 80% power, "
     "turn that into whole weeks of traffic, and run to that length rather than stopping when "
     "it looks significant."),
])
def test_rejecting_a_common_misconception_is_not_penalised(question, right):
    assert Flag.MISCONCEPTION not in GRADER.grade(question, right).flags


def test_a_misconception_is_only_checked_on_its_own_subject():
    q = question_from_record("ab", "How would you design an A/B test for a checkout page?")
    answer = ("I would randomise users, pick conversion as the metric, and note that L2 "
              "gives sparse weights is a claim for another day.")
    assert Flag.MISCONCEPTION not in GRADER.grade(q, answer).flags


def test_a_topic_phrase_needs_all_its_words():
    entry = ENTRIES["forest-boosting-swapped"]
    assert not entry.applies_to(frozenset(topic_stems("random")))
    assert entry.applies_to(frozenset(topic_stems("random forest")))


# ---- precision: no entry may fire on an answer known to be correct ----

@cache
def _bank_references() -> tuple[tuple[str, Analysed], ...]:
    return tuple((f"bank {q.id}", analyse(clean(q.reference_answer)))
                 for q in load_bank().questions if q.reference_answer)


@cache
def _ds_theory_references() -> tuple[tuple[str, Analysed], ...]:
    with DS_THEORY.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return tuple((r["id"], analyse(clean(r["reference_answer"]))) for r in records)


@cache
def _well_graded_answers() -> tuple[tuple[str, Analysed], ...]:
    found = []
    for path in LABELLED:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip() and (record := json.loads(line))["grade"] >= WELL_GRADED:
                    found.append((record["id"], analyse(clean(record["answer"]))))
    return tuple(found)


@cache
def _honest_case_answers() -> tuple[tuple[str, Analysed], ...]:
    return (tuple((f"honest answer of {case.key}", analyse(clean(case.right))) for case in CASES)
            + tuple((f"honest statement {i}", analyse(clean(text)))
                    for i, text in enumerate(MORE_HONEST)))


def _correct_answers(corpus: str) -> tuple[tuple[str, Analysed], ...]:
    if corpus == "ds-theory" and not DS_THEORY.is_file():
        message = f"{DS_THEORY} is absent: the shared ds-theory references were not checked"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {"bank": _bank_references, "ds-theory": _ds_theory_references,
            "labelled": _well_graded_answers, "honest": _honest_case_answers}[corpus]()


@pytest.mark.parametrize("corpus", ["bank", "ds-theory", "labelled", "honest"])
@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_no_entry_fires_on_a_correct_answer(key, corpus):
    entry = ENTRIES[key]
    answers = _correct_answers(corpus)
    assert answers, f"no {corpus} answers were read"
    profile = _own_subject(entry)
    hits = [(source, sentence) for source, answer in answers
            for wrong, sentence in asserted_common(profile, answer)
            if wrong is entry.misconception]
    assert not hits, f"{key} fires on correct answers: {hits[:5]}"
