using Microsoft.EntityFrameworkCore;
using SalesCockpit.Features.Teams;
using SalesCockpit.Infrastructure.Data;

namespace SalesCockpit.Features.Customers;

/// <summary>
/// A few hundred customers across both demo teams and both pools, every status, contacts, and six weeks of follow-ups;
/// some customers are days from flowing back and some opportunities have stalled. Deterministic (fixed seed).
/// </summary>
internal sealed class CustomersDemoSeed(TimeProvider clock) : IDemoSeedStep
{
    private static readonly string[] Cities = ["苏州", "无锡", "常州", "杭州", "宁波", "合肥", "南京", "上海", "嘉兴", "绍兴", "北京", "天津", "石家庄", "保定", "唐山", "济南", "青岛", "太原"];
    private static readonly string[] CityPinyin = ["Suzhou", "Wuxi", "Changzhou", "Hangzhou", "Ningbo", "Hefei", "Nanjing", "Shanghai", "Jiaxing", "Shaoxing", "Beijing", "Tianjin", "Shijiazhuang", "Baoding", "Tangshan", "Jinan", "Qingdao", "Taiyuan"];
    private static readonly string[] Cores = ["恒瑞", "华信", "金泰", "远航", "同创", "鼎盛", "新锐", "博远", "瑞丰", "天成", "宏达", "中科", "安信", "佳和", "汇通", "明德", "盛世", "永安", "凯旋", "东方"];
    private static readonly string[] CorePinyin = ["Hengrui", "Huaxin", "Jintai", "Yuanhang", "Tongchuang", "Dingsheng", "Xinrui", "Boyuan", "Ruifeng", "Tiancheng", "Hongda", "Zhongke", "Anxin", "Jiahe", "Huitong", "Mingde", "Shengshi", "Yongan", "Kaixuan", "Dongfang"];

    private static readonly Dictionary<Industry, (string Zh, string En)> IndustryWords = new()
    {
        [Industry.Manufacturing] = ("精密机械", "Precision Machinery"),
        [Industry.Retail] = ("商贸", "Trading"),
        [Industry.Technology] = ("信息科技", "Information Technology"),
        [Industry.Healthcare] = ("医疗器械", "Medical Devices"),
        [Industry.Education] = ("教育科技", "Education"),
        [Industry.Finance] = ("融资租赁", "Leasing"),
        [Industry.Logistics] = ("供应链", "Supply Chain"),
        [Industry.Construction] = ("建设工程", "Construction"),
        [Industry.FoodAndBeverage] = ("食品", "Foods"),
        [Industry.Other] = ("实业", "Industrial"),
    };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] GivenNames = ["建国", "晓明", "丽华", "志强", "海燕", "伟", "静", "磊", "婷", "军", "芳", "勇", "敏", "涛", "雪"];
    private static readonly string[] Titles = ["总经理 General Manager", "采购经理 Purchasing Manager", "IT主管 IT Lead", "财务总监 CFO", "运营总监 COO", "董事长 Chairman", "行政经理 Office Manager"];

    private static readonly (FollowUpKind Kind, string Content, string Outcome, string Next)[] Notes =
    [
        (FollowUpKind.Visit, "上门拜访，见到了采购经理和IT主管。客户现在用Excel管理订单，月底对账要三个人加班两天；他们最担心的是上线期间影响发货。聊到去年换ERP失败的经历，对实施周期很敏感。\nVisited on site, met purchasing and IT. They run orders in Excel; month-end reconciliation costs three people two days of overtime. Main worry: disruption to shipping during go-live. A failed ERP switch last year makes them wary of long projects.", "需求明确，担心实施风险 Need is clear; worried about rollout risk", "发同行业上线案例，约IT主管演示 Send a peer case study, book a demo with IT"),
        (FollowUpKind.Call, "电话沟通预算。对方说今年预算已经批了一部分，但要等Q1采购季才能走流程；决策要总经理签字。询问了付款方式，倾向分期。\nCall about budget. Part of this year's budget is approved, but purchasing runs in the Q1 season; the GM signs. Asked about payment terms, prefers instalments.", "预算范围15-20万 Budget range 150-200k", "准备分期报价，约总经理见面 Prepare an instalment quote, meet the GM"),
        (FollowUpKind.Message, "微信跟进，发了产品白皮书和报价单。对方回复会在周会上讨论，提到竞品也在接触，价格比我们低10%。\nWeChat follow-up: sent the white paper and quote. They will discuss it at the weekly meeting; a competitor is also talking to them, about 10% cheaper.", "有竞品，价格敏感 Competitor present; price-sensitive", "准备价值对比材料 Prepare a value comparison"),
        (FollowUpKind.Meeting, "与总经理、财务总监开会。演示了对账和库存模块，总经理当场问能不能对接他们的金蝶。财务总监关心数据安全和私有化部署。气氛很好，但没有给时间表。\nMeeting with the GM and CFO. Demoed reconciliation and inventory; the GM asked on the spot about a Kingdee integration. The CFO cares about data security and on-premise hosting. Warm, but no timeline given.", "决策人认可，缺时间表 Decision maker positive; no timeline", "确认对接方案和采购时间 Confirm the integration plan and purchase timing"),
        (FollowUpKind.Call, "回访，上次的疑问都解答了。对方说老板出差两周，回来再定。感觉是在拖，可能有顾虑没说出来。\nCall back; earlier questions answered. The owner travels for two weeks and will decide after. Feels like stalling: there may be an unspoken doubt.", "推迟决定 Decision postponed", "请主管陪访，找出真实顾虑 Ask the manager to ride along and find the real concern"),
        (FollowUpKind.Visit, "第二次拜访，带了实施顾问。现场看了仓库流程，发现他们的退货流程很乱，这是新的切入点。对方IT主管很积极，愿意内部推动。\nSecond visit with an implementation consultant. Saw the warehouse: returns handling is chaotic, a new angle. The IT lead is keen and will push internally.", "找到新痛点：退货 New pain point: returns", "出退货模块方案 Write up a returns-module proposal"),
        (FollowUpKind.Message, "客户主动发消息问试用账号。已开通，约好下周三远程培训。\nThe customer asked for a trial account. Set up; remote training booked for next Wednesday.", "开通试用 Trial started", "下周三远程培训 Remote training next Wednesday"),
    ];

    public int Order => 10;

    public async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(20261126);
        var teams = await db.Set<Team>().OrderBy(team => team.Id).ToListAsync(cancellationToken);
        foreach (var team in teams)
        {
            var (reps, manager) = await TeamData.RepsAndManagerAsync(db, team.Id, cancellationToken);
            if (reps.Count == 0 || manager is null)
            {
                continue;
            }

            var east = team.Name == TeamsDemoSeed.EastTeamName;
            var settings = east
                ? new CustomerPoolSettings
                {
                    TeamId = team.Id,
                    PersonaIndustries = [Industry.Manufacturing, Industry.Technology, Industry.Logistics],
                    PersonaSizeBands = [SizeBand.Medium, SizeBand.Large],
                    PersonaStages = [DevelopmentStage.Growth, DevelopmentStage.Transforming],
                }
                : new CustomerPoolSettings
                {
                    TeamId = team.Id,
                    PersonaIndustries = [Industry.Manufacturing, Industry.Retail, Industry.FoodAndBeverage],
                    PersonaSizeBands = [SizeBand.Small, SizeBand.Medium],
                    PersonaStages = [DevelopmentStage.Growth],
                    ValidLeadCriteria = [CustomerPoolSettings.DecisionMakerCriterion, CustomerPoolSettings.NeedConfirmedCriterion, CustomerPoolSettings.BudgetKnownCriterion, "采购季已知 Purchasing season known"],
                };
            db.Add(settings);
            await SeedTeamAsync(db, team, settings, reps, manager, east ? 240 : 130, east ? 0 : 10, random, cancellationToken);
        }
    }

    private async Task SeedTeamAsync(AppDbContext db, Team team, CustomerPoolSettings settings, IReadOnlyList<string> reps, string manager, int count, int cityOffset, Random random, CancellationToken cancellationToken)
    {
        var tz = team.TimeZoneId;
        var today = TeamCalendar.Today(clock, tz);
        var policy = new FlowBackPolicy(settings, tz, clock);
        var now = clock.GetUtcNow().UtcDateTime;

        // History never lies in the future: early in the morning, "today at 19:00" is moved to a few minutes ago.
        DateTime At(int daysAgo, int hour)
        {
            var at = TeamCalendar.StartOfDayUtc(today.AddDays(-daysAgo), tz).AddHours(hour).AddMinutes(random.Next(0, 60));
            return at < now ? at : now.AddMinutes(-random.Next(5, 120));
        }

        var names = new HashSet<string>();
        var customers = new List<(Customer Customer, List<FollowUp> FollowUps, List<CustomerEvent> Events, Opportunity? Opportunity)>();
        var warned = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var industry = (Industry)random.Next(0, 10);
            string name;
            int city;
            do
            {
                city = (cityOffset + random.Next(0, 8)) % Cities.Length;
                var core = random.Next(0, Cores.Length);
                name = random.Next(0, 4) == 0
                    ? $"{CityPinyin[city]} {CorePinyin[core]} {IndustryWords[industry].En} Co., Ltd."
                    : $"{Cities[city]}{Cores[core]}{IndustryWords[industry].Zh}有限公司";
            }
            while (!names.Add(CustomerNames.Normalize(name)));

            var createdDaysAgo = random.Next(30, 90);
            var customer = new Customer
            {
                TeamId = team.Id,
                Name = name,
                NormalizedName = CustomerNames.Normalize(name),
                NameCore = CompanyNameCore.Of(name),
                Phone = random.Next(0, 5) == 0 ? null : $"0{random.Next(10, 99)}-{random.Next(5000_0000, 8999_9999)}",
                Region = Cities[city],
                Industry = industry,
                SizeBand = (SizeBand)random.Next(0, 5),
                Stage = (DevelopmentStage)random.Next(0, 4),
                Source = (CustomerSource)random.Next(0, 5),
                Level = random.Next(0, 10) switch { 0 or 1 => CustomerLevel.Key, 2 or 3 or 4 => CustomerLevel.Small, _ => CustomerLevel.Standard },
                CreatedAt = At(createdDaysAgo, 10),
                CreatedById = manager,
            };
            customer.NormalizedPhone = CustomerNames.NormalizePhone(customer.Phone);
            if (customer.Source == CustomerSource.Referral)
            {
                customer.Source = customers.Count > 0 ? CustomerSource.Referral : CustomerSource.Other;
            }

            var contactCount = random.Next(1, 4);
            for (var c = 0; c < contactCount; c++)
            {
                customer.Contacts.Add(new Contact
                {
                    Name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                    Title = Titles[random.Next(Titles.Length)],
                    Phone = $"13{random.Next(0, 10)}{random.Next(1000_0000, 9999_9999)}",
                    WeChatOrEmail = random.Next(0, 2) == 0 ? $"wx_{random.Next(10000, 99999)}" : null,
                    IsDecisionMaker = false,
                });
            }

            var events = new List<CustomerEvent> { new() { TeamId = team.Id, OccurredAt = customer.CreatedAt, Kind = CustomerEventKind.Created, ActorId = manager } };
            var followUps = new List<FollowUp>();
            Opportunity? opportunity = null;
            var held = random.Next(0, 100) < 60;
            if (held)
            {
                var rep = reps[i % reps.Count];
                var claimedDaysAgo = random.Next(10, Math.Min(createdDaysAgo, 45));
                customer.OwnerId = rep;
                customer.OwnerSince = customer.ProgressClockAt = customer.HoldClockAt = At(claimedDaysAgo, 9);
                events.Add(new CustomerEvent { TeamId = team.Id, OccurredAt = customer.OwnerSince.Value, Kind = CustomerEventKind.Claimed, ActorId = rep, ToOwnerId = rep });
                customer.Status = random.Next(0, 100) switch { < 35 => CustomerStatus.Lead, < 60 => CustomerStatus.ValidLead, < 88 => CustomerStatus.Opportunity, _ => CustomerStatus.Won };

                // The latest follow-up decides the flow-back clock: a couple per rep sit inside the warning period.
                var holdDays = settings.HoldDays(customer.Level);
                var warn = customer.Status is CustomerStatus.Lead or CustomerStatus.ValidLead && warned.GetValueOrDefault(rep) < 2 && random.Next(0, 3) == 0;
                var lastDaysAgo = warn ? holdDays - random.Next(1, Math.Min(settings.WarningDays, holdDays - 1) + 1) : random.Next(0, Math.Max(1, holdDays - settings.WarningDays - 1));
                if (customer.Status == CustomerStatus.Opportunity && random.Next(0, 3) == 0)
                {
                    lastDaysAgo = random.Next(settings.StalledOpportunityDays + 1, settings.StalledOpportunityDays + 12); // stalled: exempt from flow-back, flagged for the manager
                }

                lastDaysAgo = Math.Min(lastDaysAgo, claimedDaysAgo);
                if (warn)
                {
                    warned[rep] = warned.GetValueOrDefault(rep) + 1;
                }

                var previous = claimedDaysAgo;
                var followUpCount = random.Next(1, 6);
                for (var f = 0; f < followUpCount; f++)
                {
                    var daysAgo = f == followUpCount - 1 ? lastDaysAgo : previous - random.Next(0, Math.Max(1, (previous - lastDaysAgo) / 2) + 1);
                    daysAgo = Math.Max(daysAgo, lastDaysAgo);
                    previous = daysAgo;
                    var note = Notes[random.Next(Notes.Length)];
                    followUps.Add(new FollowUp
                    {
                        TeamId = team.Id,
                        AuthorId = rep,
                        OccurredAt = At(daysAgo, 10 + f % 7),
                        Kind = note.Kind,
                        Content = note.Content,
                        Outcome = note.Outcome,
                        NextStep = note.Next,
                        NextFollowUpOn = today.AddDays(random.Next(-4, 8) - daysAgo / 4),
                        CreatedAt = At(daysAgo, 19),
                    });
                }

                var last = followUps[^1];
                customer.LastFollowUpAt = last.OccurredAt;
                customer.NextFollowUpOn = customer.Status == CustomerStatus.Won ? null : last.NextFollowUpOn;
                customer.HoldClockAt = last.OccurredAt > customer.HoldClockAt ? last.OccurredAt : customer.HoldClockAt;

                if (customer.Status >= CustomerStatus.ValidLead)
                {
                    customer.Contacts[0].IsDecisionMaker = true;
                    customer.MetCriteria = [.. settings.ValidLeadCriteria.Where(criterion => !ValidLeadChecklist.IsAutomatic(criterion))];
                    var promoted = At(Math.Max(lastDaysAgo, claimedDaysAgo - 3), 16);
                    customer.ProgressClockAt = promoted;
                    events.Add(new CustomerEvent { TeamId = team.Id, OccurredAt = promoted, Kind = CustomerEventKind.StatusChanged, ActorId = rep, Detail = nameof(CustomerStatus.ValidLead), CreditedRepId = rep });
                }
                else if (random.Next(0, 2) == 0)
                {
                    customer.MetCriteria = [CustomerPoolSettings.NeedConfirmedCriterion];
                }

                if (customer.Status >= CustomerStatus.Opportunity)
                {
                    var stalled = lastDaysAgo > settings.StalledOpportunityDays;
                    var stageDaysAgo = stalled ? random.Next(settings.StalledOpportunityDays + 1, 40) : random.Next(0, Math.Max(1, settings.StalledOpportunityDays - 2));
                    stageDaysAgo = Math.Min(stageDaysAgo, claimedDaysAgo);
                    opportunity = new Opportunity
                    {
                        TeamId = team.Id,
                        Title = random.Next(0, 2) == 0 ? "年度订阅 Annual subscription" : "一期实施 Phase 1 rollout",
                        AmountCents = random.Next(5, 200) * 10_000_00L,
                        Stage = customer.Status == CustomerStatus.Won ? OpportunityStage.Won : (OpportunityStage)random.Next(0, 4),
                        ExpectedCloseOn = today.AddDays(random.Next(-10, 90)),
                        StageChangedAt = At(stageDaysAgo, 15),
                        CreatedAt = At(claimedDaysAgo, 17),
                    };
                    customer.ProgressClockAt = opportunity.StageChangedAt > customer.ProgressClockAt ? opportunity.StageChangedAt : customer.ProgressClockAt;
                    events.Add(new CustomerEvent { TeamId = team.Id, OccurredAt = opportunity.CreatedAt, Kind = CustomerEventKind.OpportunityAdded, ActorId = rep, Detail = opportunity.Title });
                }

                if (customer.Status == CustomerStatus.Won)
                {
                    events.Add(new CustomerEvent { TeamId = team.Id, OccurredAt = At(lastDaysAgo, 18), Kind = CustomerEventKind.Won, ActorId = rep, FromOwnerId = rep, ToOwnerId = rep, CreditedRepId = rep });
                }

                policy.Apply(customer);
                if (customer.FlowBackOn is { } on && on <= today)
                {
                    // Never seed a customer that is already due: the first flow-back run would take it at start-up.
                    customer.HoldClockAt = customer.ProgressClockAt = At(0, 8);
                    policy.Apply(customer);
                }
            }
            else
            {
                customer.Status = random.Next(0, 100) switch { < 60 => CustomerStatus.Lead, < 80 => CustomerStatus.Lost, _ => CustomerStatus.ValidLead };
                if (random.Next(0, 2) == 0)
                {
                    // Worked before: the history stays with the customer for whoever claims it next.
                    var rep = reps[random.Next(reps.Count)];
                    var heldFrom = random.Next(50, Math.Max(51, createdDaysAgo));
                    var heldUntil = random.Next(35, 49);
                    events.Add(new CustomerEvent { TeamId = team.Id, OccurredAt = At(heldFrom, 9), Kind = CustomerEventKind.Claimed, ActorId = rep, ToOwnerId = rep });
                    for (var f = 0; f < random.Next(1, 4); f++)
                    {
                        var note = Notes[random.Next(Notes.Length)];
                        followUps.Add(new FollowUp
                        {
                            TeamId = team.Id, AuthorId = rep, OccurredAt = At(heldFrom - 1 - f * 2, 11), Kind = note.Kind, Content = note.Content,
                            Outcome = note.Outcome, NextStep = note.Next, CreatedAt = At(heldFrom - 1 - f * 2, 19),
                        });
                    }

                    customer.LastFollowUpAt = followUps[^1].OccurredAt;
                    var kind = customer.Status == CustomerStatus.Lost ? CustomerEventKind.Lost : random.Next(0, 2) == 0 ? CustomerEventKind.FlowedBack : CustomerEventKind.Released;
                    events.Add(new CustomerEvent
                    {
                        TeamId = team.Id, OccurredAt = At(heldUntil, kind == CustomerEventKind.FlowedBack ? 0 : 17), Kind = kind,
                        ActorId = kind == CustomerEventKind.FlowedBack ? null : rep, FromOwnerId = rep,
                        Reason = kind switch
                        {
                            CustomerEventKind.FlowedBack => "Reason_NoFollowUp",
                            CustomerEventKind.Lost => "选了竞品，价格差太多 Chose a competitor, price gap too big",
                            _ => "不在目标画像内 Outside our persona",
                        },
                        Detail = kind == CustomerEventKind.FlowedBack ? settings.HoldDays(customer.Level).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    });
                }
            }

            customers.Add((customer, followUps, events, opportunity));
        }

        db.AddRange(customers.Select(row => row.Customer));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (customer, followUps, events, opportunity) in customers)
        {
            if (customer.Source == CustomerSource.Referral)
            {
                customer.ReferredById = customers[random.Next(0, customers.Count)].Customer.Id is var referrer && referrer != customer.Id ? referrer : null;
                customer.Source = customer.ReferredById is null ? CustomerSource.Other : CustomerSource.Referral;
            }

            followUps.ForEach(followUp => followUp.CustomerId = customer.Id);
            events.ForEach(customerEvent => customerEvent.CustomerId = customer.Id);
            db.AddRange(followUps);
            db.AddRange(events);
            if (opportunity is not null)
            {
                opportunity.CustomerId = customer.Id;
                db.Add(opportunity);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
